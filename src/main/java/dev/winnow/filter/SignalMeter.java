package dev.winnow.filter;

import dev.winnow.article.BlockType;
import dev.winnow.article.TitleKeys;
import dev.winnow.filter.LineSignals.At;
import dev.winnow.lang.LanguageAnalyzers;
import dev.winnow.lang.LanguageDetector;
import dev.winnow.lang.Languages;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures every {@link LineSignals signal} of the lines of one article. Built once per article (it holds
 * the article's analysed terms and names), used by one thread.
 */
final class SignalMeter {
    private static final LanguageDetector DETECTOR = new LanguageDetector();
    /** Lines sharing more of the article's vocabulary than this are not language-checked (see below). */
    private static final double LANGUAGE_MAX_COVERAGE = 0.25;
    /** Lines whose words are this share or more the article language's stop words are in its language. */
    private static final double LANGUAGE_MAX_STOP_SHARE = 0.25;
    /** Promo score from which a line is a prompt, weighed as such ({@link LineSignals#PROMO}). */
    private static final double PROMO_EVIDENCE = 0.5;
    /** A new name at or before this word position counts as opening the line ({@link LineSignals#EARLY_NAME}). */
    private static final int EARLY_NAME_WORDS = 6;

    /**
     * Lines with text, from the first, within which the article's own dateline may open a paragraph: the
     * lede, or the paragraph after a deck or a caption ({@link #ownDateline(List)}).
     */
    private static final int OPENING_LINES = 3;

    /**
     * Words from which a line repeated across the batch's articles counts as another story's text
     * ({@link LineSignals#REPEATED_TEXT}): a shorter one (a place opening the story, "CIUDAD DE MÉXICO", a
     * section or credit label) recurs in an outlet's own articles as part of each.
     */
    static final int REPEATED_TEXT_MIN_WORDS = 6;

    /** Words a site name or section appended to a headline (" | Site", " - Site") may have. */
    private static final int SITE_SUFFIX_WORDS = 4;

    private final List<String> lines;
    /** The input, for each line's structural role. */
    private final FilterInput input;
    private final BatchCorpusStats stats;
    private final BatchCorpusStats.Analysed analysed;
    /** The article's URL, or the batch's name for an article without one. */
    private final String owner;
    private final String lang;
    private final FilterSettings settings;
    private final ArticleTerms terms;
    private final ArticleNames names;
    private final double[] similarity;
    private final double[] logSimilarity;
    private final double[] sortedLogSimilarity;
    private final String ownTitleKey;
    private final Collection<String> siblingTitles;
    /** The line holding the article's own dateline ({@link #ownDateline(List)}), or -1. */
    private final int ownDatelineLine;
    /** Keys of the sibling titles, made on first need: most lines are settled by the batch's own titles. */
    private Set<String> siblingKeys;

    SignalMeter(FilterInput in, BatchCorpusStats stats, FilterSettings settings) {
        this.lines = in.paragraphs();
        this.input = in;
        this.stats = stats;
        this.analysed = stats.analysed(in);
        this.owner = analysed.owner();
        this.lang = analysed.lang();
        this.settings = settings;
        this.terms = new ArticleTerms(analysed, stats.vocabulary(analysed.code()), settings.titleWeight());
        this.names = new ArticleNames(analysed.title(), analysed.lines(), stats.vocabulary(analysed.code()).words(),
                analysed.code());
        this.similarity = new double[lines.size()];
        this.logSimilarity = new double[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            similarity[i] = terms.similarityToRest(i);
            logSimilarity[i] = LineScorer.logSimilarity(similarity[i]);
        }
        this.sortedLogSimilarity = logSimilarity.clone();
        Arrays.sort(sortedLogSimilarity);
        this.ownTitleKey = analysed.titleKey();
        this.siblingTitles = in.siblingTitles();
        this.ownDatelineLine = ownDateline(lines);
    }

    /**
     * The line that opens the article's own story with a dateline: the first line opening with one, when it
     * comes among the first {@value #OPENING_LINES} lines with text (after a deck, a subtitle or a caption
     * the lede can be the second or third line); -1 when there is none. Every other line opening with a
     * dateline opens another story ({@link LineSignals#DATELINE}).
     */
    private static int ownDateline(List<String> lines) {
        int seen = 0;
        for (int i = 0; i < lines.size() && seen < OPENING_LINES; i++) {
            if (!LineShape.hasText(lines.get(i))) {
                continue;
            }
            if (Datelines.opens(lines.get(i))) {
                return i;
            }
            seen++;
        }
        return -1;
    }

    /** Whether a line key ({@link TitleKeys}) is the article's own title. */
    boolean isOwnTitle(String key) {
        return !ownTitleKey.isEmpty() && key.equals(ownTitleKey);
    }

    /** The language the article is judged in: declared, else detected. */
    String language() {
        return lang;
    }

    /** The {@link TitleKeys} form of line {@code i}. */
    String key(int i) {
        return analysed.keys().get(i);
    }

    /** All signals of line {@code i}. */
    SignalValues measure(int i) {
        String key = key(i);
        String text = lines.get(i);
        RelatedPrefixes.Match prefix = RelatedPrefixes.find(text, key);
        LineShape.Words shape = LineShape.count(text);
        int words = shape.words();
        double coverage = terms.coverageByRest(i);
        SignalValues s = LineSignals.empty();
        s.set(At.SIMILARITY, similarity[i]);
        s.set(At.COVERAGE, coverage);
        s.set(At.PLAIN, terms.plainCoverageByRest(i));
        int newNames = names.newNames(i);
        int allNames = newNames + names.sharedNames(i);
        s.set(At.NOVEL_NAMES, allNames == 0 ? 0 : (double) newNames / allNames);
        int firstNew = names.firstNewNameAt(i);
        s.set(At.EARLY_NAME, flag(firstNew >= 0 && firstNew <= EARLY_NAME_WORDS));
        s.set(At.NEW_NAMES, Math.log1p(newNames));
        s.set(At.SHARED_NAMES, Math.log1p(names.sharedNames(i)));
        s.set(At.TITLE, terms.coverageByTitle(i));
        s.set(At.NEIGHBOURS, terms.coverageByNeighbours(i));
        s.set(At.RELATIVE, logSimilarity[i] - medianOfOthers(i));
        // Only the long-line guard needs it, for few lines: it measures it itself (elsewhere(i)).
        s.set(At.ELSEWHERE, SignalValues.NOT_MEASURED);
        s.set(At.BRIDGE, terms.bridge(i));
        s.set(At.LENGTH, Math.log1p(words));
        s.set(At.NO_STOP, flag(!LineShape.endsWithStop(text)));
        s.set(At.CAPITALS, shape.capitalised());
        s.set(At.PREFIX, flag(prefix != null && prefix.known()));
        s.set(At.LABEL, flag(prefix != null && !prefix.known()));
        PhraseSet.Kind cues = CuePhrases.find(key);
        s.set(At.PROMO, PromoCues.scoreKey(key, cues));
        s.set(At.PROMO_LABEL, flag(PromoCues.isLabelKey(key)));
        s.set(At.CREDIT, flag(cues.has(CuePhrases.CREDIT)));
        s.set(At.LIST_ITEM, flag(input.role(i) == BlockType.LIST_ITEM || LineShape.opensAsListItem(text)));
        boolean repeated = stats.isRepeatedLine(key, owner);
        s.set(At.REPEATED, flag(repeated));
        s.set(At.REPEATED_TEXT, flag(repeated && words >= REPEATED_TEXT_MIN_WORDS
                && s.value(At.PROMO) < PROMO_EVIDENCE && s.value(At.CREDIT) == 0));
        s.set(At.LANGUAGE, flag(languageDiffers(i, text, words, coverage)));
        s.set(At.KNOWN_TITLE, flag(isOtherTitle(key, text)
                || (prefix != null && isOtherTitle(TitleKeys.of(prefix.rest()), prefix.rest()))));
        String opening = i == 0 ? "" : Ledes.opening(key);
        s.set(At.KNOWN_LEDE, flag(!opening.isEmpty() && stats.isKnownLede(opening, owner, ownTitleKey)));
        s.set(At.LEDE_SHAPE, flag(i > 0 && LedeShapes.hasLedeShape(text, key, analysed.lines().get(i),
                analysed.whole(), stats.vocabulary(analysed.code()), lang)));
        // A lead-in such as "Also read:" is not a continuation of the article, whatever its first word; nor
        // is another story's text that the batch repeats, which leans on that story's text, not this one's.
        s.set(At.CONNECTIVE, flag(prefix == null && s.value(At.REPEATED_TEXT) == 0
                && Continuations.keyOpensWithConnective(key, lang)));
        s.set(At.QUOTE, flag(Continuations.opensWithQuote(text)));
        s.set(At.DATELINE, flag(i != ownDatelineLine && i > 0 && Datelines.opens(text)));
        s.set(At.LAST, flag(i == lines.size() - 1));
        return s;
    }

    /**
     * How close line {@code i} comes to another article of the batch ({@link LineSignals#ELSEWHERE}). Not
     * part of {@link #measure}: only the long-line guard asks, for the few lines it would otherwise keep.
     */
    double elsewhere(int i) {
        return stats.closestOtherStory(analysed, i);
    }

    private Set<String> siblingKeys() {
        if (siblingKeys == null) {
            siblingKeys = new HashSet<>();
            for (String t : siblingTitles) {
                String k = TitleKeys.of(t);
                if (!k.isEmpty() && !k.equals(ownTitleKey)) {
                    siblingKeys.add(k);
                }
            }
        }
        return siblingKeys;
    }

    /** Whether the line is another article's title, also without a trailing "| Site" or "- Site" part. */
    private boolean isOtherTitle(String key, String text) {
        if (isOtherTitleKey(key)) {
            return true;
        }
        int cut = siteSuffixStart(text);
        return cut > 0 && isOtherTitleKey(TitleKeys.of(text.substring(0, cut)));
    }

    /**
     * Where a site name or section appended to a headline starts: the earliest separator word
     * ({@code | - – —}) followed by one to {@value #SITE_SUFFIX_WORDS} words that end the line; -1 if none.
     */
    static int siteSuffixStart(String text) {
        int end = text.length();
        int words = 0;
        int cut = -1;
        while (words <= SITE_SUFFIX_WORDS) {
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            int start = end;
            while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
                start--;
            }
            if (start == end || start == 0) {
                return cut;
            }
            if (end - start == 1 && "|-–—".indexOf(text.charAt(start)) >= 0 && words >= 1) {
                cut = start;
            }
            words++;
            end = start;
        }
        return cut;
    }

    private boolean isOtherTitleKey(String key) {
        // One- or two-word keys ("Video", "Sources") are too common to be another article's title.
        if (key.isEmpty() || key.equals(ownTitleKey) || key.indexOf(' ') == key.lastIndexOf(' ')) {
            return false;
        }
        return stats.isKnownTitle(key, owner) || siblingKeys().contains(key);
    }

    private boolean languageDiffers(int i, String text, int words, double coverage) {
        // A line in another language shares (almost) no terms with the article, and few of its words are
        // the article language's stop words (the detector's own evidence): sparing the detector the
        // lines that do either keeps the filter cheap.
        if (words < settings.languageMinWords() || !Languages.isKnown(lang) || coverage > LANGUAGE_MAX_COVERAGE
                || analysed.lines().get(i).terms().occurrences() < (1 - LANGUAGE_MAX_STOP_SHARE) * words) {
            return false;
        }
        String detected = DETECTOR.detect(text);
        return Languages.isKnown(detected) && !detected.equals(lang);
    }

    /** The median ln-similarity of the article's lines other than {@code skip}. */
    private double medianOfOthers(int skip) {
        double[] all = sortedLogSimilarity;
        if (all.length < 2) {
            return all.length == 1 ? all[0] : 0;
        }
        // Leaving one value out of a sorted array shifts the others by at most one place.
        int at = Arrays.binarySearch(all, logSimilarity[skip]);
        int m = (all.length - 1) / 2;
        return (all.length - 1) % 2 == 1 ? others(all, at, m) : (others(all, at, m - 1) + others(all, at, m)) / 2;
    }

    /** The k-th smallest value of the sorted array with the value at {@code removed} left out. */
    private static double others(double[] sorted, int removed, int k) {
        return sorted[k < removed ? k : k + 1];
    }

    private static double flag(boolean b) {
        return b ? 1.0 : 0.0;
    }
}
