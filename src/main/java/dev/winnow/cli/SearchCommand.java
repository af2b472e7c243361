package dev.winnow.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.config.Config;
import dev.winnow.index.ArticleIndex;
import dev.winnow.index.DateExpressions;
import dev.winnow.index.LuceneArticleIndex;
import dev.winnow.index.SearchHit;
import dev.winnow.index.SearchRequest;
import dev.winnow.index.SearchResults;
import dev.winnow.lang.Languages;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code winnow search}: Lucene query syntax over the clean index. */
@Command(name = "search", description = "Search the clean index (Lucene query syntax over title and clean text).")
final class SearchCommand extends WinnowCommand {
    private static final String BOLD = "\u001b[1;33m";
    private static final String RESET = "\u001b[0m";

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The query; several words are joined.")
    List<String> query;

    @Option(names = "--limit", defaultValue = "10", description = "Hits per page (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--offset", defaultValue = "0", description = "Hits to skip, for paging.")
    int offset;

    @Option(names = "--lang", description = "Only articles in this language.")
    String lang;

    @Option(names = "--feed", paramLabel = "URL", description = "Only articles from this feed.")
    String feed;

    @Option(names = "--since", paramLabel = "DATE", description = "Published at or after: 2026-11-01, 7d, yesterday…")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Published before.")
    String until;

    @Option(names = "--sort", defaultValue = "relevance", description = "relevance or date.")
    String sort;

    @Option(names = "--facets", split = ",", paramLabel = "DIM", description = "Count hits by feed, lang, site, day.")
    List<String> facets = new ArrayList<>();

    @Option(names = "--all", description = "Show every near-duplicate copy instead of one per story.")
    boolean all;

    @Option(names = "--json", description = "JSON Lines: url, title, feed, site, published, lang, score, snippet, duplicates (partial: true on a hit without every word).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Config config = config();
        Components components = new Components(config);
        SearchRequest request = request();
        Path data = dataDir();
        if (components.solrSettings.solr()) {
            // The collection is checked when the index is opened (an unreachable one names itself).
        } else if (!LuceneArticleIndex.exists(data)) {
            throw new UsageException("no index at " + data + (Files.exists(data) ? " (not an index folder)" : "")
                    + ": --data must name the folder winnow fetch or winnow daemon writes to");
        }
        if (!components.solrSettings.solr() && !LuceneArticleIndex.isCurrentSchema(data)) {
            err().println("winnow: warning: the index at " + data + " was written by an older winnow; some words"
                    + " (typed without accents, Spanish singulars and plurals), prefixes and exact phrases may be"
                    + " missed until winnow fetch or winnow daemon re-indexes it (they do on start)");
            err().flush();
        }
        SearchResults results;
        try (ArticleIndex index = components.openReadOnly(data)) {
            results = index.search(request);
        }
        PrintWriter out = out();
        if (json) {
            results.hits().forEach(h -> out.println(Json.line(hitJson(h))));
            if (!results.facets().isEmpty()) {
                ObjectNode f = Json.object();
                f.set("facets", Json.MAPPER.valueToTree(results.facets()));
                f.put("total", results.total());
                f.put("partial", results.partial());
                out.println(Json.line(f));
            }
        } else {
            printText(results, out, System.console() != null);
        }
        out.flush();
        return Main.OK;
    }

    private SearchRequest request() {
        if (limit < 1 || offset < 0) {
            throw new UsageException("--limit must be at least 1 and --offset not negative");
        }
        SearchRequest.Sort order = switch (sort.toLowerCase(java.util.Locale.ROOT)) {
            case "relevance" -> SearchRequest.Sort.RELEVANCE;
            case "date" -> SearchRequest.Sort.DATE;
            default -> throw new UsageException("--sort must be relevance or date, not '" + sort + "'");
        };
        for (String f : facets) {
            if (!List.of("feed", "lang", "site", "day").contains(f)) {
                throw new UsageException("--facets takes feed, lang, site, day; not '" + f + "'");
            }
        }
        String code = lang == null ? null : Languages.normalize(lang);
        if (lang != null && !Languages.isIsoCode(code) && !lang.strip().equalsIgnoreCase(Languages.UNKNOWN)) {
            throw new UsageException("--lang: unknown language code '" + lang + "' (use a code such as en, es, pt, fr, de)");
        }
        return new SearchRequest(String.join(" ", query), limit, offset, code, feed, date("--since", since),
                date("--until", until), order, facets, all);
    }

    private static Instant date(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return DateExpressions.parse(value, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    /** One hit; {@code partial} marks a hit holding only some of the query's words. */
    private static ObjectNode hitJson(SearchHit h) {
        ObjectNode o = Json.object();
        o.put("url", h.url());
        o.put("title", h.title());
        o.put("feed", h.feed());
        o.put("site", h.site());
        o.put("published", Json.instant(h.published()));
        o.put("lang", h.lang());
        o.put("score", Json.round(h.score()));
        o.put("snippet", plain(h.snippet()));
        o.put("duplicates", h.duplicates());
        if (h.partial()) {
            o.put("partial", true);
        }
        return o;
    }

    private static void printText(SearchResults results, PrintWriter out, boolean colour) {
        if (results.partial()) {
            out.printf("no article has every word; %d with most of them%n", results.total());
        } else {
            out.printf("%d match%s%n", results.total(), results.total() == 1 ? "" : "es");
        }
        for (SearchHit h : results.hits()) {
            out.println();
            out.printf("%s%s%s%n", h.title(), h.duplicates() > 0 ? "  [+" + h.duplicates() + " copies]" : "",
                    h.partial() && !results.partial() ? "  [partial: not every word]" : "");
            out.printf("  %s  %s  %s%n", h.url(), h.lang(), h.published() == null ? "" : h.published());
            out.printf("  %s%n", colour ? coloured(h.snippet()) : plain(h.snippet()));
        }
        for (Map.Entry<String, Map<String, Long>> dim : results.facets().entrySet()) {
            out.println();
            out.println(dim.getKey() + ":");
            dim.getValue().forEach((k, v) -> out.printf("  %6d  %s%n", v, k));
        }
    }

    static String plain(String snippet) {
        if (snippet == null) {
            return "";
        }
        return snippet.replace(String.valueOf(SearchHit.MATCH_START), "").replace(String.valueOf(SearchHit.MATCH_END), "");
    }

    private static String coloured(String snippet) {
        if (snippet == null) {
            return "";
        }
        return snippet.replace(String.valueOf(SearchHit.MATCH_START), BOLD).replace(String.valueOf(SearchHit.MATCH_END), RESET);
    }
}
