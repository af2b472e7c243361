package dev.winnow.cli;

import dev.winnow.article.Removal;
import dev.winnow.article.StoredArticle;
import dev.winnow.config.Config;
import dev.winnow.filter.FilterInput;
import dev.winnow.filter.LineVerdict;
import dev.winnow.http.UrlCanonicalizer;
import dev.winnow.index.ArticleIndex;
import dev.winnow.pipeline.CleaningStage;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code winnow show}: the stored clean copy of one article, with every removed line explained. */
@Command(name = "show", description = "Show the stored clean copy of an article and every removed line with its reason.")
final class ShowCommand extends WinnowCommand {

    @Parameters(paramLabel = "URL", description = "The article URL.")
    String url;

    @Option(names = "--json", description = "Print the article as one JSON object.")
    boolean json;

    @Option(names = "--scores", description = "Also judge the stored lines again with the current settings and "
            + "index, and list each kept line with its score and signals (JSON: \"kept\").")
    boolean scores;

    @Override
    public Integer call() throws Exception {
        Config config = config();
        Optional<StoredArticle> found;
        try (ArticleIndex index = new Components(config).openReadOnly(dataDir())) {
            found = index.get(url);
            if (found.isEmpty()) {
                found = index.get(UrlCanonicalizer.canonicalize(url));
            }
        }
        PrintWriter out = out();
        if (found.isEmpty()) {
            err().println("winnow: no stored article with URL " + url);
            return Main.PARTIAL_FAILURE;
        }
        StoredArticle a = found.get();
        List<LineVerdict> kept = scores ? rejudge(a, config) : List.of();
        if (json) {
            ObjectNode o = Json.article(a);
            if (scores) {
                o.set("kept", keptJson(kept));
            }
            out.println(Json.line(o));
        } else {
            printText(a, out);
            if (scores) {
                printKept(kept, out);
            }
        }
        out.flush();
        return Main.OK;
    }

    static void printText(StoredArticle a, PrintWriter out) {
        out.println(a.title());
        out.println("url:       " + a.url());
        line(out, "feed:      ", a.feedUrl());
        line(out, "published: ", a.published());
        line(out, "fetched:   ", a.fetched());
        line(out, "lang:      ", a.lang());
        line(out, "site:      ", a.site());
        if (!a.authors().isEmpty()) {
            out.println("authors:   " + String.join(", ", a.authors()));
        }
        out.println();
        out.println(a.text());
        out.println();
        printRemovals(a.removed(), true, out);
    }

    /** The removed lines with stage, reason and score, and with {@code signals} each line's signals too. */
    static void printRemovals(List<Removal> removed, boolean signals, PrintWriter out) {
        out.println("removed lines: " + removed.size());
        for (Removal r : removed) {
            out.printf("  - [%s/%s, score %.3f] %s%n", r.stage(), r.reason(), r.score(), r.text());
            if (signals && !r.signals().isEmpty()) {
                StringBuilder sb = new StringBuilder("      signals:");
                for (Map.Entry<String, Double> s : r.signals().entrySet()) {
                    sb.append(String.format(" %s=%.3f", s.getKey(), s.getValue()));
                }
                out.println(sb);
            }
        }
    }

    /**
     * The kept lines of a stored article as the filter judges them now: its body as it was before the
     * filter (the kept lines with the filter's removals put back at their places), against the index.
     */
    private List<LineVerdict> rejudge(StoredArticle a, Config config) throws Exception {
        List<String> lines = CleaningStage.linesBeforeFilter(a);
        Components components = new Components(config);
        try (ArticleIndex index = components.openReadOnly(dataDir())) {
            FilterInput in = new FilterInput(a.url(), a.title(), lines, a.lang(), List.of());
            return components.filter().assess(in, index.corpusStats()).stream().filter(v -> !v.removed()).toList();
        }
    }

    /** Kept lines as JSON: index, text, score, the guard that kept a line scoring above the threshold, signals. */
    static ArrayNode keptJson(List<LineVerdict> kept) {
        ArrayNode arr = Json.object().arrayNode();
        for (LineVerdict v : kept) {
            ObjectNode o = arr.addObject();
            o.put("index", v.index());
            o.put("text", v.text());
            o.put("score", Json.round(v.score()));
            if (v.guard() != null) {
                o.put("guard", v.guard());
            }
            ObjectNode signals = o.putObject("signals");
            v.signals().forEach((k, x) -> signals.put(k, Json.round(x)));
        }
        return arr;
    }

    /** Kept lines with their score, and the guard that kept those scoring above the threshold. */
    static void printKept(List<LineVerdict> kept, PrintWriter out) {
        out.println("kept lines: " + kept.size());
        for (LineVerdict v : kept) {
            out.printf("  + [%d, score %.3f%s] %s%n", v.index(), v.score(),
                    v.guard() == null ? "" : ", kept by " + v.guard(), v.text());
        }
    }

    private static void line(PrintWriter out, String label, Object value) {
        if (value != null) {
            out.println(label + value);
        }
    }
}
