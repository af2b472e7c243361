package dev.winnow.lang;

import java.io.IOException;
import java.io.UncheckedIOException;
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
    private static final Map<String, String> EFFECTIVE = new ConcurrentHashMap<>();

    private LanguageAnalyzers() {
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
        return CACHE.computeIfAbsent(effectiveLanguage(lang), LanguageAnalyzers::build);
    }

    private static Analyzer build(String code) {
        try {
            return switch (code) {
                case "en" -> chain("english_stop.txt").addTokenFilter("englishPossessive")
                        .addTokenFilter("porterStem").addTokenFilter("asciiFolding").build();
                case "es" -> chain("spanish_stop.txt").addTokenFilter("spanishLightStem")
                        .addTokenFilter("asciiFolding").build();
                case "pt" -> chain("portuguese_stop.txt").addTokenFilter("portugueseLightStem")
                        .addTokenFilter("asciiFolding").build();
                case "fr" -> chain("french_stop.txt", true).addTokenFilter("frenchLightStem")
                        .addTokenFilter("asciiFolding").build();
                case "it" -> chain("italian_stop.txt", true).addTokenFilter("italianLightStem")
                        .addTokenFilter("asciiFolding").build();
                case "de" -> chain("german_stop.txt").addTokenFilter("germanNormalization")
                        .addTokenFilter("germanLightStem").build();
                case "nl" -> chain("dutch_stop.txt").addTokenFilter("asciiFolding").build();
                default -> CustomAnalyzer.builder().withTokenizer("standard")
                        .addTokenFilter("lowercase").addTokenFilter("asciiFolding").build();
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build analyzer for " + code, e);
        }
    }

    private static CustomAnalyzer.Builder chain(String stopFile) throws IOException {
        return chain(stopFile, false);
    }

    private static CustomAnalyzer.Builder chain(String stopFile, boolean elision) throws IOException {
        CustomAnalyzer.Builder b = CustomAnalyzer.builder().withTokenizer("standard");
        if (elision) {
            // Before stop words, so that "l'article" yields "article" rather than a missed stop word.
            b.addTokenFilter("elision", "ignoreCase", "true");
        }
        return b.addTokenFilter("lowercase")
                .addTokenFilter("stop", "ignoreCase", "true", "format", "snowball",
                        "words", "org/apache/lucene/analysis/snowball/" + stopFile);
    }

}
