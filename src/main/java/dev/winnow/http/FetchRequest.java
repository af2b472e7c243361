package dev.winnow.http;

import java.util.Objects;

/**
 * One GET to make.
 *
 * @param etag         validator from the previous answer, sent as If-None-Match, or null
 * @param lastModified validator from the previous answer, sent as If-Modified-Since, or null
 * @param kind         what is fetched; decides the Accept header, the byte cap and robots.txt checks
 */
public record FetchRequest(String url, String etag, String lastModified, Kind kind) {
    /** What a request is for. */
    public enum Kind { FEED, PAGE }

    public FetchRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
    }

    public static FetchRequest feed(String url, String etag, String lastModified) {
        return new FetchRequest(url, etag, lastModified, Kind.FEED);
    }

    public static FetchRequest page(String url) {
        return new FetchRequest(url, null, null, Kind.PAGE);
    }
}
