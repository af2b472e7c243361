package dev.winnow.cli;

import dev.winnow.article.Removal;
import dev.winnow.article.StoredArticle;
import dev.winnow.config.Config;
import dev.winnow.http.UrlCanonicalizer;
import dev.winnow.index.ArticleIndex;
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
        if (json) {
            out.println(Json.line(Json.article(a)));
        } else {
            printText(a, out);
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

    private static void line(PrintWriter out, String label, Object value) {
        if (value != null) {
            out.println(label + value);
        }
    }
}
