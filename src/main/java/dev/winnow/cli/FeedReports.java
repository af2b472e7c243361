package dev.winnow.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.pipeline.FeedReport;
import dev.winnow.pipeline.FeedStatus;
import dev.winnow.pipeline.ItemReport;
import dev.winnow.pipeline.ItemStatus;
import java.io.PrintWriter;
import java.util.List;

/** Prints poll summaries, as text for people or as one JSON object for scripts. */
final class FeedReports {
    private FeedReports() {
    }

    static void printText(List<FeedReport> reports, PrintWriter out) {
        for (FeedReport r : reports) {
            out.printf("%s  %s%s%n", r.status().label().toUpperCase(java.util.Locale.ROOT), r.url(),
                    r.reason() == null ? "" : "  (" + r.reason() + ")");
            for (ItemReport i : r.items()) {
                if (i.status() == ItemStatus.FAILED || i.status() == ItemStatus.SKIPPED) {
                    out.printf("    %-9s %s  (%s)%n", i.status().label(), i.url(), i.reason());
                }
            }
        }
        out.printf("feeds: %d (%d failed, %d not modified); items seen: %d, new: %d, updated: %d, "
                        + "unchanged: %d, skipped: %d, failed: %d%n",
                reports.size(), countFeeds(reports, FeedStatus.FAILED), countFeeds(reports, FeedStatus.NOT_MODIFIED),
                reports.stream().mapToLong(r -> r.items().size()).sum(),
                countItems(reports, ItemStatus.NEW), countItems(reports, ItemStatus.UPDATED),
                countItems(reports, ItemStatus.UNCHANGED), countItems(reports, ItemStatus.SKIPPED),
                countItems(reports, ItemStatus.FAILED));
    }

    static ObjectNode toJson(List<FeedReport> reports) {
        ObjectNode root = Json.object();
        ArrayNode feeds = root.putArray("feeds");
        for (FeedReport r : reports) {
            ObjectNode f = feeds.addObject();
            f.put("url", r.url());
            f.put("status", r.status().label());
            f.put("reason", r.reason());
            ArrayNode items = f.putArray("items");
            for (ItemReport i : r.items()) {
                ObjectNode o = items.addObject();
                o.put("url", i.url());
                o.put("title", i.title());
                o.put("status", i.status().label());
                o.put("reason", i.reason());
                o.put("removed_lines", i.removedLines());
            }
        }
        ObjectNode totals = root.putObject("totals");
        totals.put("feeds", reports.size());
        totals.put("feeds_failed", countFeeds(reports, FeedStatus.FAILED));
        totals.put("feeds_not_modified", countFeeds(reports, FeedStatus.NOT_MODIFIED));
        totals.put("items", reports.stream().mapToLong(r -> r.items().size()).sum());
        for (ItemStatus s : ItemStatus.values()) {
            totals.put(s.label(), countItems(reports, s));
        }
        return root;
    }

    static boolean anyFailure(List<FeedReport> reports) {
        return reports.stream().anyMatch(FeedReport::hasFailures);
    }

    private static long countFeeds(List<FeedReport> reports, FeedStatus s) {
        return reports.stream().filter(r -> r.status() == s).count();
    }

    private static long countItems(List<FeedReport> reports, ItemStatus s) {
        return reports.stream().mapToLong(r -> r.count(s)).sum();
    }
}
