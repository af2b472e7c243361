package dev.winnow.bench;

import dev.winnow.article.Removal;
import dev.winnow.article.StoredArticle;
import dev.winnow.extract.ArticleExtractor;
import dev.winnow.extract.ExtractSettings;
import dev.winnow.extract.ExtractedArticle;
import dev.winnow.extract.PageInput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sorts the own lines PipelineBench finds missing from a stored article (and not removed by the filter)
 * into why: the text is there but the substring check misses it (a measurement artifact), extraction
 * removed it with a recorded reason, the same page extracted straight from its file keeps it (a pipeline
 * difference), most of its words are there (split or edited differently), or it is simply absent.
 * The checks run in that order; each lost line lands in exactly one category.
 */
final class ExtractionLosses {
    private final ArticleExtractor extractor = new ArticleExtractor(ExtractSettings.defaults());
    private final Map<String, Integer> counts = new TreeMap<>();
    private final boolean verbose;

    ExtractionLosses(boolean verbose) {
        this.verbose = verbose;
    }

    /** Classifies one lost line of page {@code id}; {@code original} and {@code served} are the page's HTML. */
    void add(String id, String line, StoredArticle stored, String original, String served) {
        String category = classify(line, stored, original, served);
        counts.merge(category, 1, Integer::sum);
        if (verbose) {
            System.out.printf(Locale.ROOT, "  lost by extraction [%s] %s: %s%n", id, category, cut(line, 160));
        }
    }

    /** Prints the count per category. */
    void print() {
        counts.forEach((k, v) -> System.out.printf(Locale.ROOT, "    %4d  %s%n", v, k));
    }

    private String classify(String line, StoredArticle stored, String original, String served) {
        String storedText = stored.title() + "\n" + stored.text();
        if (loose(storedText).contains(loose(line))) {
            if (verbose) {
                System.out.println("    stored near: " + near(storedText, line));
            }
            return "artifact: present once punctuation is ignored too";
        }
        for (Removal r : stored.removed()) {
            if (!r.stage().equals("filter") && overlaps(loose(r.text()), loose(line))) {
                return "extraction removed: " + r.stage() + "/" + r.reason();
            }
        }
        if (contains(extract(original), line)) {
            return "pipeline differs: extraction of the original file keeps it";
        }
        if (contains(extract(served), line)) {
            return "pipeline differs: extraction of the served (injected) page keeps it";
        }
        double share = wordShare(line, storedText);
        if (share >= 0.8) {
            return "partly there: >= 80% of its words are stored";
        }
        return share >= 0.3 ? "mostly missing: 30-80% of its words stored" : "missing: < 30% of its words stored";
    }

    /** The stored text around where the line's first words occur, to show what differs. */
    private static String near(String text, String line) {
        String head = line.length() > 20 ? line.substring(0, 20) : line;
        int at = text.indexOf(head);
        return at < 0 ? "(start not found)" : cut(text.substring(at), Math.min(200, line.length() + 20));
    }

    private String extract(String html) {
        ExtractedArticle a = extractor.extract(new PageInput(html.getBytes(StandardCharsets.UTF_8), null, null));
        StringBuilder sb = new StringBuilder(a.title() == null ? "" : a.title()).append('\n');
        a.blocks().forEach(b -> sb.append(b.text()).append('\n'));
        return sb.toString();
    }

    private static boolean contains(String text, String line) {
        return loose(text).contains(loose(line));
    }

    /** A removal record counts when it holds the line or a good part of it (the line spans records). */
    private static boolean overlaps(String removed, String line) {
        return removed.length() >= 20 && (removed.contains(line) || line.contains(removed));
    }

    private static double wordShare(String line, String text) {
        Set<String> have = new HashSet<>(Arrays.asList(words(text)));
        String[] want = words(line);
        long hit = Arrays.stream(want).filter(have::contains).count();
        return want.length == 0 ? 1 : (double) hit / want.length;
    }

    private static String[] words(String s) {
        return s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    }

    /** Letters and digits only, lower case: what survives any spacing, quote, dash or hyphen difference. */
    static String loose(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    private static String cut(String s, int n) {
        return s.length() > n ? s.substring(0, n) + "…" : s;
    }
}
