package dev.winnow.http;

import java.time.Duration;
import java.util.Objects;

/**
 * A completed fetch: the status, where the redirects ended, the decoded body (empty on 304), and the
 * headers later stages need.
 *
 * @param contentType  the Content-Type header as sent (charset parameter included), or null
 * @param maxAge       the freshness lifetime the server declared (Cache-Control max-age or Expires), or null
 */
public record FetchResult(
        int status,
        String requestedUrl,
        String finalUrl,
        byte[] body,
        String contentType,
        String etag,
        String lastModified,
        Duration maxAge) {

    public FetchResult {
        Objects.requireNonNull(requestedUrl, "requestedUrl");
        finalUrl = finalUrl == null ? requestedUrl : finalUrl;
        body = body == null ? new byte[0] : body;
    }

    public boolean notModified() {
        return status == 304;
    }
}
