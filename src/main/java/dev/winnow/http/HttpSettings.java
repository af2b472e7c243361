package dev.winnow.http;

import dev.winnow.config.Config;
import java.time.Duration;

/**
 * Limits and manners of winnow's HTTP client, read from the {@code http.*} section of the configuration
 * (plus {@code network.allow-private}).
 *
 * @param allowPrivateNetwork  fetch loopback, private, link-local and other non-public addresses too
 * @param connectTimeout       time to open the TCP/TLS connection
 * @param readTimeout          time to the first byte, and between any two reads
 * @param callTimeout          whole request including redirects and body; stops slow trickles
 * @param maxFeedBytes         cap on the decoded body of a feed
 * @param maxPageBytes         cap on the decoded body of an article page
 * @param maxRedirects         redirects followed before giving up
 * @param hostConcurrency      article fetches in flight per host
 * @param hostDelay            minimum pause between two article fetches to one host
 * @param obeyRobots           check robots.txt before article fetches
 * @param robotsCacheTtl       how long one host's robots.txt is trusted
 * @param defaultBackoff       how long a host is left alone after a 429/503 without Retry-After
 * @param maxBackoff           the longest Retry-After honoured
 */
public record HttpSettings(
        boolean allowPrivateNetwork,
        String userAgent,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        long maxFeedBytes,
        long maxPageBytes,
        int maxRedirects,
        int hostConcurrency,
        Duration hostDelay,
        boolean obeyRobots,
        Duration robotsCacheTtl,
        Duration defaultBackoff,
        Duration maxBackoff) {

    public static HttpSettings from(Config c) {
        return new HttpSettings(
                c.bool("network.allow-private"),
                c.string("http.user-agent"),
                c.duration("http.connect-timeout"),
                c.duration("http.read-timeout"),
                c.duration("http.call-timeout"),
                c.bytes("http.max-feed-bytes"),
                c.bytes("http.max-page-bytes"),
                c.integer("http.max-redirects", 0, 20),
                c.integer("http.host-concurrency", 1, 64),
                c.duration("http.host-delay"),
                c.bool("http.robots"),
                c.duration("http.robots-cache"),
                c.duration("http.default-backoff"),
                c.duration("http.max-backoff"));
    }

    public static HttpSettings defaults() {
        return from(Config.defaults());
    }

    /** A copy that may (or may not) reach non-public addresses; tests use it against 127.0.0.1. */
    public HttpSettings withAllowPrivateNetwork(boolean allow) {
        return new HttpSettings(allow, userAgent, connectTimeout, readTimeout, callTimeout, maxFeedBytes,
                maxPageBytes, maxRedirects, hostConcurrency, hostDelay, obeyRobots, robotsCacheTtl,
                defaultBackoff, maxBackoff);
    }

    long maxBytes(FetchRequest.Kind kind) {
        return kind == FetchRequest.Kind.FEED ? maxFeedBytes : maxPageBytes;
    }
}
