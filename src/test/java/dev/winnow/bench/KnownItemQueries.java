package dev.winnow.bench;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates known-item queries from an article's own title and text, the way people recall an article:
 * some title words, a few words of one passage, the same without accents, a word in its other number
 * (plural or singular), a short quoted phrase, a word misspelt and marked fuzzy with {@code ~}. Random
 * with a seed and generic: the same rules for every article, nothing chosen per page.
 */
final class KnownItemQueries {
    /** The query types, in the order they are reported. */
    static final List<String> TYPES = List.of("title", "body", "no-accents", "number", "phrase", "typo");

    /** One query and the article it should find. */
    record KnownItem(String type, String lang, String query, String target) {
    }

    /** A word of the text as typed: letters and digits, with what punctuation followed it. */
    private record Word(String text, boolean endsClause) {
    }

    private static final int MIN_WORD = 3;
    private static final int BODY_WINDOW = 12;

    private final Random random;

    KnownItemQueries(long seed) {
        this.random = new Random(seed);
    }

    /** One query of each type the article allows. */
    List<KnownItem> of(String id, String lang, String title, String body) {
        List<KnownItem> out = new ArrayList<>();
        List<Word> titleWords = words(title);
        List<Word> bodyWords = words(body);
        String titleQuery = pick(titleWords, 2 + random.nextInt(3), titleWords.size());
        String bodyQuery = bodyWords.size() < BODY_WINDOW ? null : bodyWindow(bodyWords, 3 + random.nextInt(4));
        add(out, "title", lang, titleQuery, id);
        add(out, "body", lang, bodyQuery, id);
        String accented = hasAccent(bodyQuery) ? bodyQuery : hasAccent(titleQuery) ? titleQuery : null;
        add(out, "no-accents", lang, accented == null ? null : withoutAccents(accented), id);
        String base = random.nextBoolean() && titleQuery != null ? titleQuery : bodyQuery;
        add(out, "number", lang, base == null ? null : otherNumber(base, lang), id);
        add(out, "phrase", lang, phrase(bodyWords), id);
        add(out, "typo", lang, bodyQuery == null ? null : typo(bodyQuery), id);
        return out;
    }

    private static void add(List<KnownItem> out, String type, String lang, String query, String id) {
        if (query != null && !query.isBlank()) {
            out.add(new KnownItem(type, lang, query, id));
        }
    }

    /** The words of a text: runs of letters and digits (inner hyphens and apostrophes kept). */
    static List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String raw : text.split("\\s+")) {
            String w = raw.replaceAll("^[^\\p{L}\\p{N}]+", "");
            String core = w.replaceAll("[^\\p{L}\\p{N}]+$", "");
            if (core.isEmpty() || !core.matches("[\\p{L}\\p{N}]+([-'’][\\p{L}\\p{N}]+)*")
                    || core.matches("AND|OR|NOT")) { // operators, not words, in a query
                continue;
            }
            out.add(new Word(core, core.length() < w.length() || raw.length() > w.length()));
        }
        return out;
    }

    /** {@code k} words of the first {@code limit} words of length 3 or more, in their order. */
    private String pick(List<Word> words, int k, int limit) {
        List<String> pool = new ArrayList<>();
        for (Word w : words.subList(0, Math.min(limit, words.size()))) {
            if (w.text().length() >= MIN_WORD) {
                pool.add(w.text());
            }
        }
        if (pool.size() < 2) {
            return null;
        }
        k = Math.min(k, pool.size());
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < k) {
            int i = random.nextInt(pool.size());
            if (!chosen.contains(i)) {
                chosen.add(i);
            }
        }
        chosen.sort(null);
        return String.join(" ", chosen.stream().map(pool::get).toList());
    }

    /** {@code k} words of one passage: a window of twelve consecutive words at a random place. */
    private String bodyWindow(List<Word> words, int k) {
        int start = random.nextInt(words.size() - BODY_WINDOW + 1);
        return pick(words.subList(start, start + BODY_WINDOW), k, BODY_WINDOW);
    }

    /** Two to four consecutive words of one clause, quoted. */
    private String phrase(List<Word> words) {
        int n = 2 + random.nextInt(3);
        for (int attempt = 0; attempt < 20 && words.size() > n; attempt++) {
            int start = random.nextInt(words.size() - n);
            boolean oneClause = true;
            for (int i = start; i < start + n - 1; i++) {
                oneClause &= !words.get(i).endsClause();
            }
            if (oneClause) {
                return '"' + String.join(" ", words.subList(start, start + n).stream().map(Word::text).toList()) + '"';
            }
        }
        return null;
    }

    private static boolean hasAccent(String s) {
        return s != null && !s.equals(withoutAccents(s));
    }

    static String withoutAccents(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").replace("ß", "ss");
    }

    /** The query with one word (of four letters or more) in its other grammatical number. */
    private String otherNumber(String query, String lang) {
        String[] words = query.split(" ");
        int i = randomWord(words, 4);
        if (i < 0) {
            return null;
        }
        words[i] = otherNumberOf(words[i], lang);
        return String.join(" ", words);
    }

    /** A regular plural of a singular, or singular of a plural, by the language's commonest rule. */
    static String otherNumberOf(String w, String lang) {
        String lower = w.toLowerCase(Locale.ROOT);
        switch (lang) {
            case "de" -> {
                if (lower.endsWith("ungen")) {
                    return w.substring(0, w.length() - 2);
                }
                if (lower.endsWith("ung") || lower.endsWith("e")) {
                    return w + (lower.endsWith("e") ? "n" : "en");
                }
                return lower.endsWith("en") ? w.substring(0, w.length() - 2) : w + "e";
            }
            case "pt" -> {
                if (lower.endsWith("ões")) {
                    return w.substring(0, w.length() - 3) + "ão";
                }
                if (lower.endsWith("ão")) {
                    return w.substring(0, w.length() - 2) + "ões";
                }
                return lower.endsWith("s") ? w.substring(0, w.length() - 1) : w + (endsWithVowel(lower) ? "s" : "es");
            }
            case "es", "fr", "it" -> {
                if (lower.endsWith("es") && !endsWithVowel(lower.substring(0, lower.length() - 2)) && !lang.equals("fr")) {
                    return w.substring(0, w.length() - 2);
                }
                return lower.endsWith("s") || lower.endsWith("x") ? w.substring(0, w.length() - 1)
                        : w + (endsWithVowel(lower) || lang.equals("fr") ? "s" : "es");
            }
            default -> {
                if (lower.endsWith("ies")) {
                    return w.substring(0, w.length() - 3) + "y";
                }
                if (lower.endsWith("s") && !lower.endsWith("ss")) {
                    return w.substring(0, w.length() - 1);
                }
                if (lower.endsWith("y") && !endsWithVowel(lower.substring(0, lower.length() - 1))) {
                    return w.substring(0, w.length() - 1) + "ies";
                }
                return w + "s";
            }
        }
    }

    private static boolean endsWithVowel(String s) {
        return !s.isEmpty() && "aeiouáéíóúàèìòùâêôãõ".indexOf(s.charAt(s.length() - 1)) >= 0;
    }

    /** The query with one word of five letters or more misspelt by one edit and marked fuzzy. */
    private String typo(String query) {
        String[] words = query.split(" ");
        int i = randomWord(words, 5);
        if (i < 0) {
            return null;
        }
        words[i] = misspell(words[i]) + "~";
        return String.join(" ", words);
    }

    /** The index of a random word of letters only, at least {@code minLength} long, or -1. */
    private int randomWord(String[] words, int minLength) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].length() >= minLength && words[i].chars().allMatch(Character::isLetter)) {
                candidates.add(i);
            }
        }
        return candidates.isEmpty() ? -1 : candidates.get(random.nextInt(candidates.size()));
    }

    private String misspell(String w) {
        int at = 1 + random.nextInt(w.length() - 2);
        char letter = (char) ('a' + random.nextInt(26));
        return switch (random.nextInt(4)) {
            case 0 -> w.substring(0, at) + letter + w.substring(at + 1); // substitution
            case 1 -> w.substring(0, at) + w.substring(at + 1); // deletion
            case 2 -> w.substring(0, at) + w.charAt(at + 1) + w.charAt(at) + w.substring(at + 2); // transposition
            default -> w.substring(0, at) + letter + w.substring(at); // insertion
        };
    }
}
