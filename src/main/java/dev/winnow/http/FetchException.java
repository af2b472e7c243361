package dev.winnow.http;

import java.io.IOException;
import java.time.Duration;

/**
 * A fetch that did not produce a usable answer. {@link #reason()} is a short stable code
 * ({@code timeout}, {@code private-address}, {@code too-large}, {@code too-many-redirects},
 * {@code http-503}, {@code robots-disallowed} (only when robots.txt said so), {@code robots-unavailable}, …)
 * for summaries and state; the message says more.
 */
public class FetchException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final transient Duration retryAfter;

    public FetchException(String reason, String message) {
        this(reason, message, null, null);
    }

    public FetchException(String reason, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public String reason() {
        return reason;
    }

    /** How long the server asked us to wait (429/503 Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
