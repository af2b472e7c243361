package dev.winnow.pipeline;

/**
 * The outcome for one feed item.
 *
 * @param reason why it failed or was skipped, or null
 * @param removedLines lines removed from the article (extraction junk and off-topic lines)
 */
public record ItemReport(String url, String title, ItemStatus status, String reason, int removedLines) {
    static ItemReport failed(String url, String title, String reason) {
        return new ItemReport(url, title, ItemStatus.FAILED, reason, 0);
    }
}
