package dev.winnow.http;

/**
 * Fetches one URL safely: only http(s), no non-public addresses unless allowed, capped in bytes, time
 * and redirects, with conditional-GET validators sent when the request carries them.
 */
public interface HttpFetcher {
    /**
     * Fetches the request's URL. A 304 answer is a normal result ({@link FetchResult#notModified()});
     * refusals, timeouts, caps and HTTP errors are thrown as {@link FetchException} with a reason.
     */
    FetchResult fetch(FetchRequest request) throws FetchException;
}
