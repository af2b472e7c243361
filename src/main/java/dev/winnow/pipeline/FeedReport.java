package dev.winnow.pipeline;

import java.util.List;

/** The summary of one feed poll: the feed's outcome and every item's. */
public record FeedReport(String url, FeedStatus status, String reason, List<ItemReport> items) {
    public FeedReport {
        items = List.copyOf(items);
    }

    static FeedReport failed(String url, String reason) {
        return new FeedReport(url, FeedStatus.FAILED, reason, List.of());
    }

    public long count(ItemStatus s) {
        return items.stream().filter(i -> i.status() == s).count();
    }

    /** True when the feed or any of its items failed. */
    public boolean hasFailures() {
        return status == FeedStatus.FAILED || count(ItemStatus.FAILED) > 0;
    }
}
