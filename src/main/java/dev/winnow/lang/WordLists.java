package dev.winnow.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The word and phrase lists of every language winnow knows, read from the classpath once and shared by
 * the extractor and the filter, so that both stages mean the same words when they mean the same thing.
 *
 * <p>A list lives in {@code dev/winnow/words/<lang>/<list>.txt} (UTF-8): one entry per line, blank lines
 * and lines starting with {@code #} ignored (the file's opening comment says what the list is for). An
 * entry is taken as written, without its surrounding blanks; one whose trailing or leading space
 * matters ({@code "our "}, a prefix that must end a word) is written in double quotes. The languages are
 * listed in {@code dev/winnow/words/languages.txt}, in the order their entries are merged.
 *
 * <p><b>Adding a language</b>: add its code to {@code languages.txt} and a folder of the same name with
 * the lists it has; a list a language lacks is empty for it, never an error, so a language can start
 * with one list and grow.
 */
public final class WordLists {
    private static final String ROOT = "dev/winnow/words/";
    private static final Map<String, List<String>> CACHE = new ConcurrentHashMap<>();

    private WordLists() {
    }

    /** The language codes with word lists, in merge order. */
    public static List<String> languages() {
        return read("languages.txt");
    }

    /** One language's list (empty when that language has no such list). */
    public static List<String> of(String lang, String list) {
        return read(lang + "/" + list + ".txt");
    }

    /** The list in every language, merged in {@link #languages()} order without repeats. */
    public static List<String> all(String list) {
        String key = "*/" + list;
        List<String> cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        // Not computeIfAbsent: the per-language lists fill the same cache while this one is built.
        Set<String> merged = new LinkedHashSet<>();
        for (String lang : languages()) {
            merged.addAll(of(lang, list));
        }
        List<String> built = List.copyOf(merged);
        cached = CACHE.putIfAbsent(key, built);
        return cached != null ? cached : built;
    }

    /**
     * Several lists in every language merged without repeats: a meaning both stages share plus what
     * one stage adds to it ({@code union("ad-lines", "ad-lines-extract")}).
     */
    public static List<String> union(String... lists) {
        Set<String> merged = new LinkedHashSet<>();
        for (String list : lists) {
            merged.addAll(all(list));
        }
        return List.copyOf(merged);
    }

    /** The list per language, for the languages that have it. */
    public static Map<String, List<String>> byLanguage(String list) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String lang : languages()) {
            List<String> words = of(lang, list);
            if (!words.isEmpty()) {
                out.put(lang, words);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static List<String> read(String path) {
        return CACHE.computeIfAbsent(path, WordLists::load);
    }

    private static List<String> load(String path) {
        try (InputStream in = WordLists.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            return in == null ? List.of() : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + ROOT + path, e);
        }
    }

    /** The entries of one list file's text. */
    static List<String> parse(String text) {
        List<String> entries = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1);
            }
            entries.add(s);
        }
        return List.copyOf(entries);
    }
}
