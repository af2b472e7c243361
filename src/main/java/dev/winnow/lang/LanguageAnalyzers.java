package dev.winnow.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;

/**
 * The per-language analysis chains shared by the off-topic filter and the index, so that the term
 * statistics one reads are the terms the other wrote.
 *
 * <p>Chains are declared with Lucene's named factories (the names a Solr schema uses), so the same
 * chain can later be written unchanged into a schema. Languages without a dedicated chain get a
 * neutral one: standard tokenisation, lower case and accent folding.
 */
public final class LanguageAnalyzers {
    private static final Set<String> DEDICATED = Set.of("en", "es", "pt", "fr", "de", "it", "nl");
    private static final Map<String, Analyzer> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Analyzer> WORDS_CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Analyzer> SURFACE_CACHE = new ConcurrentHashMap<>();
    private static final Map<String, String> EFFECTIVE = new ConcurrentHashMap<>();

    /**
     * The soft hyphen (U+00AD, {@code &shy;}): a hyphenation hint pages put inside long words, part of no
     * word in any chain (see {@link #SOFT_HYPHENS}).
     */
    public static final char SOFT_HYPHEN = '\u00ad';

    private LanguageAnalyzers() {
    }

    /**
     * The text in Unicode's composed form (NFC), as the chains are given it, so that a decomposed
     * "Sa\u0301nchez" is indexed, searched, highlighted and weighed as "Sánchez".
     */
    public static String nfc(String s) {
        if (s == null || Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
            return s;
        }
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** Languages with their own stemming and stop words. */
    public static Set<String> dedicatedLanguages() {
        return DEDICATED;
    }

    /** The language an analyzer is actually built for: the code itself, or {@link Languages#UNKNOWN}. */
    public static String effectiveLanguage(String lang) {
        if (lang == null) {
            return Languages.UNKNOWN;
        }
        // Asked once per term by the filter's statistics: the few distinct tags seen are memoised
        // (boundedly: tags come from pages, and a hostile site could send a new one every time).
        String known = EFFECTIVE.get(lang);
        if (known != null) {
            return known;
        }
        String code = Languages.normalize(lang);
        String effective = DEDICATED.contains(code) ? code : Languages.UNKNOWN;
        if (EFFECTIVE.size() < 1000) {
            EFFECTIVE.put(lang, effective);
        }
        return effective;
    }

    /** A thread-safe analyzer for the language (any tag form), falling back to the neutral chain. */
    public static Analyzer forLanguage(String lang) {
        return CACHE.computeIfAbsent(effectiveLanguage(lang), code -> build("standard", code));
    }

    /**
     * An analyzer that applies the language's filters to each whitespace-separated word of its input, words
     * already lower-cased as Lucene's {@code LowerCaseFilter} does: the terms {@link #forLanguage} gives a
     * text are exactly the terms this gives the text's standard tokens, lower-cased and separated by spaces,
     * since every filter of a chain works on one token at a time. The filter uses this to analyse each
     * distinct word once instead of every occurrence, without tokenising the text twice; it lower-cases each
     * word and drops its soft hyphens as it reads it, so the chain's own lower-casing and soft-hyphen removal,
     * passes over every character, are left out.
     */
    public static Analyzer forWords(String lang) {
        return WORDS_CACHE.computeIfAbsent(effectiveLanguage(lang), LanguageAnalyzers::buildForWords);
    }

    /**
     * The words of a text as written, lower-cased and accent-folded but neither stemmed nor stripped of
     * stop words: what prefix, wildcard and fuzzy queries are matched against, since a stem is not a
     * prefix of the word people type ({@code chasing*} must find "chasing", stemmed "chase").
     */
    public static Analyzer surfaceForms(String lang) {
        return SURFACE_CACHE.computeIfAbsent(effectiveLanguage(lang), code -> build(surfaceChain(code)));
    }

    /**
     * The chain of {@link #forLanguage}, by factory names: what a Solr schema declares to analyse the same
     * language the same way.
     */
    public static Chain chain(String lang) {
        return new Chain("standard", List.copyOf(filters(effectiveLanguage(lang))));
    }

    /** The chain of {@link #surfaceForms}, by factory names. */
    public static Chain surfaceChain(String lang) {
        String code = effectiveLanguage(lang);
        List<Filter> filters = new ArrayList<>();
        filters.add(SOFT_HYPHENS);
        if (code.equals("fr") || code.equals("it")) {
            filters.add(new Filter("elision", "ignoreCase", "true"));
        }
        filters.add(new Filter("lowercase"));
        filters.add(new Filter("asciiFolding"));
        return new Chain("standard", List.copyOf(filters));
    }

    /**
     * A resource a chain's filter names (a stop list), as the chain reads it: accent-folded. Lets a schema
     * ship the very lists the embedded index uses.
     */
    public static byte[] resource(String name) throws IOException {
        try (InputStream in = FoldedStopLists.LOADER.openResource(name)) {
            return in.readAllBytes();
        }
    }

    private static Analyzer buildForWords(String code) {
        try {
            CustomAnalyzer.Builder b = CustomAnalyzer.builder(FoldedStopLists.LOADER)
                    .withTokenizer(SpaceTokenizer.Factory.class);
            for (Filter f : languageFilters(code)) {
                if (f.name().equals("stop")) {
                    b.addTokenFilter(SparseStopFilterFactory.class, f.params());
                } else if (!f.name().equals("lowercase")) {
                    b.addTokenFilter(f.name(), f.params());
                }
            }
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the word analyzer for " + code, e);
        }
    }

    private static Analyzer build(String tokenizer, String code) {
        return build(new Chain(tokenizer, filters(code)));
    }

    private static Analyzer build(Chain chain) {
        try {
            CustomAnalyzer.Builder b = CustomAnalyzer.builder(FoldedStopLists.LOADER).withTokenizer(chain.tokenizer());
            for (Filter f : chain.filters()) {
                b.addTokenFilter(f.name(), f.params());
            }
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build analyzer " + chain, e);
        }
    }

    /**
     * The token filters of a language's chain, in order. Each must map one token to at most one token
     * (no synonyms, no splitting or joining of tokens): {@link #forWords} relies on it.
     *
     * <p>Accents are folded before stop words and stemming, so a word typed without its accents
     * ({@code eleicoes}, {@code Andre}) is analysed exactly like the accented word of the text; the stop
     * lists are folded to match ({@link FoldedStopLists}).
     */
    private static List<Filter> filters(String code) {
        List<Filter> out = new ArrayList<>();
        out.add(SOFT_HYPHENS);
        out.addAll(languageFilters(code));
        return out;
    }

    private static List<Filter> languageFilters(String code) {
        return switch (code) {
            case "en" -> stopChain("english_stop.txt", false, new Filter("englishPossessive"), new Filter("porterStem"));
            // The light stemmer leaves words under five letters alone but strips a five-letter plural to four
            // ("casa" stays, "casas" -> "cas"): plurals made singular first ("casas" -> "casa") keep the pair one.
            case "es" -> stopChain("spanish_stop.txt", false, new Filter("spanishPluralStem"),
                    new Filter("spanishLightStem"));
            // Folded, the Portuguese plural "-ões" no longer meets the stemmer's rule for it: restored as "-ao".
            case "pt" -> stopChain("portuguese_stop.txt", false,
                    new Filter("patternReplace", "pattern", "(?<=[a-z])oes$", "replacement", "ao"),
                    new Filter("portugueseLightStem"));
            case "fr" -> stopChain("french_stop.txt", true, new Filter("frenchLightStem"));
            case "it" -> stopChain("italian_stop.txt", true, new Filter("italianLightStem"));
            // After folding, germanNormalization still maps the spelled-out umlauts (ae, oe, ue) and the like.
            case "de" -> stopChain("german_stop.txt", false, new Filter("germanNormalization"),
                    new Filter("germanLightStem"));
            case "nl" -> stopChain("dutch_stop.txt", false);
            default -> List.of(new Filter("lowercase"), new Filter("asciiFolding"));
        };
    }

    /**
     * Leaves soft hyphens (U+00AD) out of every token: pages put them inside long words as hyphenation hints
     * ("Bundes&amp;shy;regierung"), the tokenizer keeps them in the word, and a word so written would be another
     * term than the same word typed. First in every chain, so that stop words and stemming meet the plain word.
     */
    private static final Filter SOFT_HYPHENS = new Filter("patternReplace", "pattern", String.valueOf(SOFT_HYPHEN),
            "replacement", "");

    private static List<Filter> stopChain(String stopFile, boolean elision, Filter... stemming) {
        List<Filter> out = new ArrayList<>();
        if (elision) {
            // Before stop words, so that "l'article" yields "article" rather than a missed stop word.
            out.add(new Filter("elision", "ignoreCase", "true"));
        }
        out.add(new Filter("lowercase"));
        out.add(new Filter("asciiFolding"));
        // Tokens reach the stop filter lower-cased and the lists are lower-case: a case-blind set would only
        // lower-case every character of every token once more.
        out.add(new Filter("stop", "format", "snowball",
                "words", "org/apache/lucene/analysis/snowball/" + stopFile));
        out.addAll(List.of(stemming));
        return out;
    }

    /** An analysis chain by factory names: a tokenizer, then token filters in order. */
    public record Chain(String tokenizer, List<Filter> filters) {
    }

    /** One token filter by its factory name, with its parameters as name-value pairs. */
    public record Filter(String name, String... params) {
        /** The parameters as a map, in their order. */
        public Map<String, String> paramMap() {
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i + 1 < params.length; i += 2) {
                out.put(params[i], params[i + 1]);
            }
            return out;
        }

        @Override
        public String toString() {
            return name + paramMap();
        }
    }
}
