package dev.winnow.extract;

import dev.winnow.lang.WordLists;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises single lines of boilerplate inside the text flow by their wording: "read also" promos
 * ("LEE TAMBIÉN: …", "Te puede interesar", "Read more:", "Leia também", "Lire aussi", "Lesen Sie
 * auch"…), ad labels, share and newsletter prompts, bylines and image credits. Works on accent- and
 * case-folded text, in English, Spanish, Portuguese, French, German and Italian.
 *
 * <p>Phrases that also open ordinary sentences ("Related", "Watch", "More") only count when a label
 * separator follows them (colon, bar, arrow…) or when they stand alone; phrases that never open a real
 * sentence ("te puede interesar", "lesen sie auch") count whatever follows.
 */
final class BoilerplateLines {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Characters that end a label: "LEE TAMBIÉN: …", "MÁS | …", "Read more » …". */
    private static final String SEPARATORS = ":|>»›→–—-•·/";

    /** Promo labels that are promos whatever follows them. */
    private static final Prefixes RELATED_ALWAYS = new Prefixes(folded("related-lead-ins", "related-lead-ins-extract"));

    /** Labels that count only when a separator follows or they stand alone. */
    private static final Prefixes RELATED_LABEL = new Prefixes(folded("related-labels", "related-labels-extract"));

    /** Whole-line ad labels: a set, as every short line is looked up in it. */
    private static final Set<String> AD_LINES = Set.copyOf(folded("ad-lines", "ad-lines-extract"));

    /** Labels that mark the rest of the line as advertising: "ANZEIGE - …", "*Werbung. …". */
    private static final Prefixes AD_LABELS = new Prefixes(WordLists.all("ad-labels"));

    private static final Set<String> SHARE_WORDS = Set.copyOf(folded("share-labels", "share-words"));
    /** The leading words of every share phrase of several words ("share on" of "share on facebook"). */
    private static final Set<String> SHARE_WORD_HEADS = heads(SHARE_WORDS);

    private static final Infixes NEWSLETTER_WORDS = new Infixes(WordLists.all("newsletter-prompts"));

    /** Labels that open a comments section: "Comments", "Post a comment", "Leave a reply". */
    private static final Set<String> COMMENT_LABELS = Set.copyOf(folded("comment-labels"));
    /** A counted label: "12 comments", "3 responses to “Council expands bus network”". */
    private static final Pattern COUNTED_COMMENTS = Pattern.compile("\\d+ (comments|responses)( to .*)?");

    /** Membership and donation appeals: the site asking for support, in the text flow. */
    private static final Infixes SUPPORT_PROMPTS = new Infixes(WordLists.all("support-prompts"));

    /** A line that is a slide or page counter: "4", "1 of 4", "3/12", "2 de 5", "1 von 7". */
    private static final Pattern COUNTER = Pattern.compile(
            "\\d{1,3}(\\s*(/|of|de|von|sur|di|sobre)\\s*\\d{1,3})?");
    /** A slide counter glued to the start of a caption: "1of4Grass Valley's…", "2 / 5 The mayor…". */
    private static final Pattern LEADING_COUNTER = Pattern.compile(
            "^(\\d{1,3})\\s*(?:/|of|de|von|sur|di)\\s*(\\d{1,3})\\s*(?=\\p{Lu})");

    /** Month and weekday names (and their short forms) and the small words of written dates. */
    private static final Set<String> DATE_WORDS = Set.copyOf(WordLists.all("date-words"));

    private static final Prefixes BYLINE_PREFIXES = new Prefixes(WordLists.all("byline-prefixes"));

    private static final Prefixes DATELINE_PREFIXES = new Prefixes(WordLists.all("dateline-prefixes"));

    private static final Prefixes CREDIT_PREFIXES = new Prefixes(WordLists.all("credit-prefixes"));
    private static final List<String> CREDIT_SUFFIXES = WordLists.all("credit-suffixes");

    private BoilerplateLines() {
    }

    private static Set<String> heads(Set<String> phrases) {
        Set<String> heads = new HashSet<>();
        for (String p : phrases) {
            for (int i = p.indexOf(' '); i >= 0; i = p.indexOf(' ', i + 1)) {
                heads.add(p.substring(0, i));
            }
        }
        return Set.copyOf(heads);
    }

    /** The lists of every language ({@link WordLists}), folded as lines are (before FOLDED exists). */
    private static List<String> folded(String... lists) {
        return WordLists.union(lists).stream().map(BoilerplateLines::slowFold).distinct().toList();
    }

    /** Lower-case, accents removed, whitespace collapsed; used for all wording checks. */
    static String fold(String text) {
        int n = text.length();
        // Written into a char array, not a StringBuilder: every short line of every page is folded, and a
        // builder checks its capacity and coder on each character appended. Each character folds into one.
        char[] out = new char[n];
        int length = 0;
        boolean space = true;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                if (!space) {
                    out[length++] = ' ';
                    space = true;
                }
                continue;
            }
            space = false;
            if (c >= FOLDED.length) {
                // Rare outside Latin-1 and Latin Extended-A: take the slow, general way for this line.
                return isPlainPunctuated(text, i) ? punctuatedFold(text) : slowFold(text);
            }
            out[length++] = FOLDED[c];
        }
        return new String(out, 0, length > 0 && out[length - 1] == ' ' ? length - 1 : length);
    }

    /**
     * Whether every character from {@code from} on is Latin-1, Latin Extended-A or a punctuation mark
     * that folds to itself (curly quotes, dashes, ellipsis: common in any language's lines).
     */
    private static boolean isPlainPunctuated(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= FOLDED.length && (c < PUNCTUATION_FROM || c >= PUNCTUATION_TO
                    || !SELF_FOLDING[c - PUNCTUATION_FROM])) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #slowFold} of a line {@link #isPlainPunctuated} says is plain, char by char: it keeps what
     * slowFold keeps (the no-break space), collapses only what it collapses, and strips the same ends.
     */
    private static String punctuatedFold(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r') {
                if (!space) {
                    sb.append(' ');
                    space = true;
                }
                continue;
            }
            space = false;
            sb.append(c < FOLDED.length ? FOLDED[c] : c);
        }
        return sb.toString().strip();
    }

    private static String slowFold(String text) {
        String s = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** Folded form of every char below U+0180 (Latin-1 and Latin Extended-A): lower case, accents off. */
    private static final char[] FOLDED = new char[0x180];

    /** General Punctuation and the symbol blocks after it (currency, letterlike, arrows). */
    private static final char PUNCTUATION_FROM = '\u2000';
    private static final char PUNCTUATION_TO = '\u2200';
    /** Which of those {@link #slowFold} leaves as they are: neither spaces nor marks nor cased. */
    private static final boolean[] SELF_FOLDING = new boolean[PUNCTUATION_TO - PUNCTUATION_FROM];

    static {
        for (char c = 0; c < FOLDED.length; c++) {
            String s = MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)).replaceAll("");
            String folded = s.toLowerCase(Locale.ROOT);
            if (folded.length() != 1) {
                // No character below U+0180 folds into more or less than one (the test of fold() checks
                // each): fold() writes one char for each it reads.
                throw new IllegalStateException("U+" + Integer.toHexString(c) + " folds into " + folded.length());
            }
            FOLDED[c] = folded.charAt(0);
        }
        for (char c = PUNCTUATION_FROM; c < PUNCTUATION_TO; c++) {
            SELF_FOLDING[c - PUNCTUATION_FROM] = slowFold(String.valueOf(c)).equals(String.valueOf(c));
        }
    }

    /** Why this line is a "read also" promo, or null. {@code folded} is {@link #fold} of the line. */
    static boolean isRelatedPromo(String folded) {
        String f = stripLeadingPunctuation(folded);
        for (String p : RELATED_ALWAYS.startingWith(f)) {
            if (f.startsWith(p) && boundaryAfter(f, p.length())) {
                return true;
            }
        }
        for (String p : RELATED_LABEL.startingWith(f)) {
            if (f.startsWith(p) && labelAfter(f, p.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the line is a label that opens a comments section. {@code folded} is {@link #fold} of the line. */
    static boolean isCommentsLabel(String folded) {
        String f = folded.endsWith(":") ? folded.substring(0, folded.length() - 1).strip() : folded;
        return COMMENT_LABELS.contains(f)
                || !f.isEmpty() && Character.isDigit(f.charAt(0)) && COUNTED_COMMENTS.matcher(f).matches();
    }

    static boolean isAdLabel(String folded) {
        String f = trimPunctuation(folded);
        if (AD_LINES.contains(f)) {
            return true;
        }
        for (String label : AD_LABELS.startingWith(f)) {
            int end = label.length();
            if (f.startsWith(label) && (labelAfter(f, end) || end < f.length() && ",.".indexOf(f.charAt(end)) >= 0)) {
                return true;
            }
        }
        return false;
    }

    /** A short line made only of share/print/social words ("Share · Tweet · Email"). */
    static boolean isSharePrompt(String folded) {
        if (folded.length() > 120) {
            return false;
        }
        // Words are read one at a time: most lines fail on their first word, before the rest is split.
        int words = 0;
        StringBuilder phrase = new StringBuilder();
        int i = 0;
        int n = folded.length();
        while (true) {
            while (i < n && !isWordChar(folded.codePointAt(i))) {
                i += Character.charCount(folded.codePointAt(i));
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && isWordChar(folded.codePointAt(i))) {
                i += Character.charCount(folded.codePointAt(i));
            }
            words++;
            if (phrase.length() > 0) {
                phrase.append(' ');
            }
            phrase.append(folded, start, i);
            String cur = phrase.toString();
            if (SHARE_WORDS.contains(cur)) {
                phrase.setLength(0);
            } else if (!SHARE_WORD_HEADS.contains(cur)) {
                return false;
            }
        }
        return words > 0 && phrase.length() == 0;
    }

    /** A character of {@link #NON_WORD}'s complement: a letter or a number ({@code [\\p{L}\\p{N}]}). */
    private static boolean isWordChar(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /**
     * A newsletter or sign-up prompt. Its words count where a word starts: "oversubscription" in a sentence
     * about a share offering is news, not a prompt.
     */
    static boolean isNewsletterPrompt(String folded) {
        return folded.length() <= 160 && NEWSLETTER_WORDS.foundIn(folded, true);
    }

    /** A membership or donation appeal ("Unterstütze …", "Hazte socio", "Support independent journalism"). */
    static boolean isSupportPrompt(String folded) {
        return folded.length() <= 200 && SUPPORT_PROMPTS.foundIn(folded, false);
    }

    /** A line that is only a number or an "n of m" counter (a slide count, a page number). */
    static boolean isCounter(String folded) {
        if (folded.length() > 14) {
            return false;
        }
        int a = 0;
        int b = folded.length();
        while (a < b && !Character.isLetterOrDigit(folded.charAt(a))) {
            a++;
        }
        while (b > a && !Character.isLetterOrDigit(folded.charAt(b - 1))) {
            b--;
        }
        return COUNTER.matcher(folded.substring(a, b)).matches();
    }

    /**
     * The text without a slide counter glued to its start ("1of4Grass Valley's…" → "Grass Valley's…"),
     * or the text itself. Only counters whose first number does not exceed the second count.
     */
    static String withoutSlideCounter(String text) {
        java.util.regex.Matcher m = LEADING_COUNTER.matcher(text);
        if (m.find() && m.end() < text.length()
                && Integer.parseInt(m.group(1)) <= Integer.parseInt(m.group(2))
                && Integer.parseInt(m.group(2)) > 1) {
            return text.substring(m.end());
        }
        return text;
    }

    /** "By Jane Doe", "Por Redacción", "Updated 3 March 2024"… (short lines only). */
    static boolean isByline(String folded) {
        if (folded.length() > 100) {
            return false;
        }
        for (String p : BYLINE_PREFIXES.startingWith(folded)) {
            if (folded.startsWith(p) && !folded.endsWith(".")) {
                return true;
            }
        }
        for (String p : DATELINE_PREFIXES.startingWith(folded)) {
            if (folded.startsWith(p) && boundaryAfter(folded, p.length()) && containsDigit(folded)) {
                return true;
            }
        }
        return false;
    }

    /** A line that is only a date and/or time ("23.10.2018", "Dienstag, 4. Juni 2019, 15:54"). */
    static boolean isDateLine(String folded) {
        if (folded.length() > 48 || !containsDigit(folded)) {
            return false;
        }
        for (String word : NON_WORD.split(folded)) {
            if (!word.isEmpty() && !Character.isDigit(word.charAt(0)) && !DATE_WORDS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    static boolean isImageCredit(String folded) {
        if (folded.length() > 160) {
            return false;
        }
        for (String p : CREDIT_PREFIXES.startingWith(folded)) {
            if (folded.startsWith(p)) {
                return true;
            }
        }
        if (folded.startsWith("©") || folded.length() < 70 && folded.contains("©")) {
            return true;
        }
        String t = trimPunctuation(folded);
        for (String s : CREDIT_SUFFIXES) {
            if (t.endsWith(s) && folded.length() < 90 && (t.contains("/") || t.contains("photo") || t.contains("foto"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean boundaryAfter(String f, int end) {
        return end >= f.length() || !Character.isLetterOrDigit(f.charAt(end));
    }

    /** The label stands alone or is followed (after optional spaces) by a separator character. */
    private static boolean labelAfter(String f, int end) {
        int i = end;
        while (i < f.length() && f.charAt(i) == ' ') {
            i++;
        }
        if (i >= f.length()) {
            return true;
        }
        return i > end - 1 && SEPARATORS.indexOf(f.charAt(i)) >= 0 && (i > end || f.charAt(i) != '-');
    }

    private static String stripLeadingPunctuation(String f) {
        int i = 0;
        while (i < f.length() && !Character.isLetterOrDigit(f.charAt(i))) {
            i++;
        }
        return f.substring(i);
    }

    private static String trimPunctuation(String f) {
        int a = 0;
        int b = f.length();
        while (a < b && !Character.isLetterOrDigit(f.charAt(a)) && f.charAt(a) != '(') {
            a++;
        }
        while (b > a && !Character.isLetterOrDigit(f.charAt(b - 1)) && f.charAt(b - 1) != ')') {
            b--;
        }
        return f.substring(a, b);
    }

    /**
     * Phrases looked for anywhere in a line: at each position only those starting with its two characters are
     * tried, not every phrase of every language at every position.
     */
    private static final class Infixes {
        /** Slots of {@link #byOpening}: hash values of a phrase's first two characters. */
        private static final int OPENING_SLOTS = 1 << 12;
        /**
         * The phrases by a hash of their first two characters: most positions of a line start no phrase, and
         * one look-up tells so for nearly all of them; where one may start, only the phrases opening with the
         * same two characters (and the few that share their hash) are compared.
         */
        private final String[][] byOpening = new String[OPENING_SLOTS][];

        Infixes(List<String> phrases) {
            List<String> words = phrases.stream().filter(p -> !p.isEmpty()).toList();
            if (words.stream().anyMatch(p -> p.length() < 2)) {
                throw new IllegalArgumentException("a phrase of one character is found everywhere: " + words);
            }
            Map<Integer, List<String>> groups = new HashMap<>();
            for (String p : words) {
                groups.computeIfAbsent(pair(p.charAt(0), p.charAt(1)), k -> new ArrayList<>()).add(p);
            }
            groups.forEach((pair, group) -> byOpening[pair] = group.toArray(String[]::new));
        }

        private static int pair(char first, char second) {
            return (first * 31 + second) & (OPENING_SLOTS - 1);
        }

        /** Whether a phrase occurs in {@code s}; with {@code atWordStart}, only where a word starts. */
        boolean foundIn(String s, boolean atWordStart) {
            for (int i = 0; i + 1 < s.length(); i++) {
                String[] candidates = byOpening[pair(s.charAt(i), s.charAt(i + 1))];
                if (candidates == null || atWordStart && i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
                    continue;
                }
                for (String p : candidates) {
                    if (s.startsWith(p, i)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * Phrases grouped by their first character, so a line is checked against the few that can start it
     * rather than every phrase of every language. Latin characters index an array (no boxing or hashing
     * per character looked up); the rest a map.
     */
    private static final class Prefixes {
        private static final int DIRECT = 0x250;
        private static final String[] NONE = new String[0];
        private final String[][] latin = new String[DIRECT][];
        private final Map<Character, String[]> other = new HashMap<>();
        private final String[] empty;

        Prefixes(List<String> phrases) {
            Map<Character, List<String>> groups = new HashMap<>();
            List<String> blank = new ArrayList<>();
            for (String p : phrases) {
                if (p.isEmpty()) {
                    blank.add(p);
                } else {
                    groups.computeIfAbsent(p.charAt(0), c -> new ArrayList<>()).add(p);
                }
            }
            empty = blank.toArray(NONE);
            Arrays.fill(latin, empty);
            groups.forEach((c, list) -> {
                List<String> all = new ArrayList<>(blank);
                all.addAll(list);
                String[] group = all.toArray(NONE);
                if (c < DIRECT) {
                    latin[c] = group;
                } else {
                    other.put(c, group);
                }
            });
        }

        /** The phrases that may be a prefix of {@code s}: those that start with its first character. */
        String[] startingWith(String s) {
            return s.isEmpty() ? empty : startingWith(s.charAt(0));
        }

        /** The phrases that may start where {@code first} stands. */
        String[] startingWith(char first) {
            return first < DIRECT ? latin[first] : other.getOrDefault(first, empty);
        }
    }
}
