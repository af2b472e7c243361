package dev.winnow.index;

import dev.winnow.lang.LanguageAnalyzers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * The index schema: field names and the analyzer of each field. Clean text and titles go to one field
 * per language ({@code text_es}, {@code title_en}, {@code text_und} for languages without a dedicated
 * chain), each analysed by {@link LanguageAnalyzers} for that language.
 */
public final class IndexFields {
    public static final String TYPE = "type";
    public static final String TYPE_ARTICLE = "article";
    public static final String TYPE_FEED_STATE = "feedstate";

    public static final String URL = "url";
    public static final String GUID = "guid";
    public static final String FEED = "feed";
    public static final String LANG = "lang";
    public static final String SITE = "site";
    public static final String AUTHOR = "author";
    public static final String TITLE_KEY = "titlekey";
    public static final String PUBLISHED = "published";
    public static final String DAY = "day";
    public static final String CLUSTER = "cluster";
    public static final String MINHASH = "minhash";
    public static final String SOURCE = "source";
    public static final String FEED_STATE_ID = "feedstate_id";

    /** Logical fields of the query language, expanded to the per-language fields. */
    public static final String TEXT = "text";
    public static final String TITLE = "title";
    private static final String TEXT_PREFIX = "text_";
    private static final String TITLE_PREFIX = "title_";
    private static final String SURFACE_PREFIX = "surface_";

    /**
     * The version of the analysis and of the fields above, recorded with every commit. An index written
     * with another version is re-indexed from its stored copies when opened for writing.
     * 1: stemmed fields only, accents folded after stemming. 2: accents folded first, NFC text, surface fields.
     * 3: Spanish plurals made singular before the light stemmer. 4: soft hyphens dropped from every token and
     * left out of title keys.
     */
    public static final int SCHEMA = 4;

    private IndexFields() {
    }

    public static String textField(String lang) {
        return TEXT_PREFIX + LanguageAnalyzers.effectiveLanguage(lang);
    }

    public static String titleField(String lang) {
        return TITLE_PREFIX + LanguageAnalyzers.effectiveLanguage(lang);
    }

    /** The field of a title's surface forms (unstemmed words), for prefix, wildcard and fuzzy queries. */
    public static String surfaceTitleField(String lang) {
        return SURFACE_PREFIX + titleField(lang);
    }

    /** The field of a text's surface forms (unstemmed words), for prefix, wildcard and fuzzy queries. */
    public static String surfaceTextField(String lang) {
        return SURFACE_PREFIX + textField(lang);
    }

    /** The language of a per-language text field name, or null when the name is not one. */
    public static String languageOfTextField(String field) {
        return field.startsWith(TEXT_PREFIX) ? field.substring(TEXT_PREFIX.length()) : null;
    }

    public static boolean isLanguageField(String field) {
        return field.startsWith(TEXT_PREFIX) || field.startsWith(TITLE_PREFIX) || field.startsWith(SURFACE_PREFIX);
    }

    public static String site(String site) {
        return site == null ? null : site.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The analyzer for writing and for parsing queries: per-language chains on the text fields, keyword
     * matching on identifiers (lower-cased where case carries no meaning), the neutral chain for authors.
     */
    public static Analyzer analyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        for (String lang : LanguageAnalyzers.dedicatedLanguages()) {
            perField.put(textField(lang), LanguageAnalyzers.forLanguage(lang));
            perField.put(titleField(lang), LanguageAnalyzers.forLanguage(lang));
        }
        for (String lang : LanguageAnalyzers.dedicatedLanguages()) {
            perField.put(surfaceTextField(lang), LanguageAnalyzers.surfaceForms(lang));
            perField.put(surfaceTitleField(lang), LanguageAnalyzers.surfaceForms(lang));
        }
        Analyzer lowerKeyword = lowerCaseKeyword();
        Analyzer exact = new KeywordAnalyzer();
        perField.put(URL, exact);
        perField.put(GUID, exact);
        perField.put(FEED, exact);
        perField.put(CLUSTER, exact);
        perField.put(LANG, lowerKeyword);
        perField.put(SITE, lowerKeyword);
        perField.put(DAY, exact);
        // Everything else (text_und, title_und, their surface fields, author) takes the neutral chain.
        return new PerFieldAnalyzerWrapper(LanguageAnalyzers.forLanguage("und"), perField);
    }

    private static Analyzer lowerCaseKeyword() {
        try {
            return CustomAnalyzer.builder().withTokenizer("keyword").addTokenFilter("lowercase").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
