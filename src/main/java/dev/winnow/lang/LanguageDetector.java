package dev.winnow.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the language of a text when the page and the feed do not say.
 *
 * <p>Latin-script languages are told apart by how many of the text's words are the language's
 * function words (Lucene's Snowball stop lists); other scripts are recognised by their Unicode block.
 * This is cheap, needs no model, and is reliable on the paragraph-length texts news articles give; on
 * very short texts it answers {@link Languages#UNKNOWN} rather than guess.
 */
public final class LanguageDetector {
    private static final String[][] STOP_LISTS = {
        {"en", "english_stop.txt"}, {"es", "spanish_stop.txt"}, {"pt", "portuguese_stop.txt"},
        {"fr", "french_stop.txt"}, {"de", "german_stop.txt"}, {"it", "italian_stop.txt"},
        {"nl", "dutch_stop.txt"}, {"sv", "swedish_stop.txt"}, {"da", "danish_stop.txt"},
        {"no", "norwegian_stop.txt"}, {"fi", "finnish_stop.txt"}, {"hu", "hungarian_stop.txt"},
        {"id", "indonesian_stop.txt"},
    };
    private static final int MIN_WORDS = 4;
    private static final Map<String, Set<String>> STOPWORDS = loadStopwords();

    /** Returns a two-letter code, or {@link Languages#UNKNOWN} when the text gives too little evidence. */
    public String detect(String text) {
        if (text == null || text.isBlank()) {
            return Languages.UNKNOWN;
        }
        String script = dominantNonLatinScript(text);
        if (script != null) {
            return script;
        }
        return byFunctionWords(text);
    }

    private static String byFunctionWords(String text) {
        Map<String, Integer> hits = new HashMap<>();
        int words = 0;
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
            if (w.isEmpty()) {
                continue;
            }
            words++;
            for (Map.Entry<String, Set<String>> e : STOPWORDS.entrySet()) {
                if (e.getValue().contains(w)) {
                    hits.merge(e.getKey(), 1, Integer::sum);
                }
            }
        }
        if (words < MIN_WORDS) {
            return Languages.UNKNOWN;
        }
        String best = Languages.UNKNOWN;
        int bestHits = 0;
        int second = 0;
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            if (e.getValue() > bestHits) {
                second = bestHits;
                bestHits = e.getValue();
                best = e.getKey();
            } else if (e.getValue() > second) {
                second = e.getValue();
            }
        }
        // Demand that function words are a real share of the text and that the winner stands out.
        if (bestHits < 2 || bestHits < words * 0.08 || bestHits == second) {
            return Languages.UNKNOWN;
        }
        return best;
    }

    private static String dominantNonLatinScript(String text) {
        Map<Character.UnicodeScript, Integer> counts = new HashMap<>();
        int letters = 0;
        for (int i = 0; i < text.length() && letters < 2000; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
                counts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum);
            }
        }
        if (letters == 0) {
            return null;
        }
        Character.UnicodeScript top = Character.UnicodeScript.LATIN;
        int topCount = 0;
        for (Map.Entry<Character.UnicodeScript, Integer> e : counts.entrySet()) {
            if (e.getValue() > topCount) {
                top = e.getKey();
                topCount = e.getValue();
            }
        }
        return switch (top) {
            case LATIN -> null;
            case CYRILLIC -> "ru";
            case GREEK -> "el";
            case ARABIC -> "ar";
            case HEBREW -> "he";
            case HAN -> "zh";
            case HIRAGANA, KATAKANA -> "ja";
            case HANGUL -> "ko";
            case THAI -> "th";
            case DEVANAGARI -> "hi";
            default -> Languages.UNKNOWN;
        };
    }

    private static Map<String, Set<String>> loadStopwords() {
        Map<String, Set<String>> out = new HashMap<>();
        for (String[] entry : STOP_LISTS) {
            out.put(entry[0], readSnowballList("/org/apache/lucene/analysis/snowball/" + entry[1]));
        }
        return Map.copyOf(out);
    }

    private static Set<String> readSnowballList(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = LanguageDetector.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing stop list " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                int bar = line.indexOf('|');
                String body = (bar >= 0 ? line.substring(0, bar) : line).trim();
                for (String w : body.split("\\s+")) {
                    if (!w.isEmpty()) {
                        words.add(w.toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
