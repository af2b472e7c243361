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
    private static final String[] CODES = new String[STOP_LISTS.length];
    /** Function word → bit set of the languages (indices into {@link #CODES}) whose stop list holds it. */
    private static final Map<String, Integer> LANGUAGES_OF_WORD = loadStopwords();

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
        int[] hits = new int[CODES.length];
        int words = 0;
        int n = text.length();
        int i = 0;
        // A hand-rolled word scan: the filter asks this of every line, so no regex and no substring per word.
        StringBuilder word = new StringBuilder(16);
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetter(c) || c == '\'' && word.length() > 0) {
                word.append(Character.toLowerCase(c));
                i++;
                continue;
            }
            words += countWord(word, hits);
            i++;
        }
        words += countWord(word, hits);
        if (words < MIN_WORDS) {
            return Languages.UNKNOWN;
        }
        int best = -1;
        int bestHits = 0;
        int second = 0;
        for (int l = 0; l < hits.length; l++) {
            if (hits[l] > bestHits) {
                second = bestHits;
                bestHits = hits[l];
                best = l;
            } else if (hits[l] > second) {
                second = hits[l];
            }
        }
        // Demand that function words are a real share of the text and that the winner stands out.
        if (best < 0 || bestHits < 2 || bestHits < words * 0.08 || bestHits == second) {
            return Languages.UNKNOWN;
        }
        return CODES[best];
    }

    /** Counts the word in {@code word} (if any) towards every language listing it; returns 1 for a word, else 0. */
    private static int countWord(StringBuilder word, int[] hits) {
        if (word.length() == 0) {
            return 0;
        }
        Integer mask = LANGUAGES_OF_WORD.get(word.toString());
        word.setLength(0);
        if (mask != null) {
            for (int l = 0; l < CODES.length; l++) {
                if ((mask & (1 << l)) != 0) {
                    hits[l]++;
                }
            }
        }
        return 1;
    }

    private static final int LATIN = Character.UnicodeScript.LATIN.ordinal();

    private static String dominantNonLatinScript(String text) {
        Character.UnicodeScript[] scripts = Character.UnicodeScript.values();
        int[] counts = new int[scripts.length];
        int letters = 0;
        for (int i = 0; i < text.length() && letters < 2000; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
                // Letters below U+0250 (Basic Latin to Latin Extended-B) are Latin: no script lookup for them.
                counts[cp < 0x250 ? LATIN : Character.UnicodeScript.of(cp).ordinal()]++;
            }
        }
        if (letters == 0) {
            return null;
        }
        Character.UnicodeScript top = Character.UnicodeScript.LATIN;
        int topCount = 0;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > topCount) {
                top = scripts[k];
                topCount = counts[k];
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

    private static Map<String, Integer> loadStopwords() {
        Map<String, Integer> out = new HashMap<>();
        for (int l = 0; l < STOP_LISTS.length; l++) {
            CODES[l] = STOP_LISTS[l][0];
            for (String w : readSnowballList("/org/apache/lucene/analysis/snowball/" + STOP_LISTS[l][1])) {
                out.merge(w, 1 << l, (a, b) -> a | b);
            }
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
