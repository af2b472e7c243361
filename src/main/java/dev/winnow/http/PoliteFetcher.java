package dev.winnow.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;

/**
 * Good manners around another {@link HttpFetcher}. Article (PAGE) requests wait for a per-host slot
 * (at most {@code hostConcurrency} in flight, at least {@code hostDelay} apart) and are checked against
 * the host's robots.txt (fetched through the same fetcher and cached). Any request to a host that
 * answered 429/503 recently fails at once with reason {@code host-backoff} until its Retry-After has
 * passed, so one throttling host never stalls the feeds and articles of other hosts.
 */
public final class PoliteFetcher implements HttpFetcher {
    private static final Duration ROBOTS_ERROR_TTL = Duration.ofMinutes(10);

    private final HttpFetcher delegate;
    private final HttpSettings settings;
    private final Clock clock;
    private final Map<String, HostState> hosts = new ConcurrentHashMap<>();

    public PoliteFetcher(HttpFetcher delegate, HttpSettings settings) {
        this(delegate, settings, Clock.systemUTC());
    }

    PoliteFetcher(HttpFetcher delegate, HttpSettings settings, Clock clock) {
        this.delegate = delegate;
        this.settings = settings;
        this.clock = clock;
    }

    /** Per-host bookkeeping; the slot semaphore bounds concurrency, the rest is guarded by {@code this}. */
    private final class HostState {
        final Semaphore slots = new Semaphore(settings.hostConcurrency(), true);
        Instant nextStart = Instant.EPOCH;
        Instant backoffUntil = Instant.EPOCH;
        RobotsRules robots;
        Instant robotsExpiry = Instant.EPOCH;
    }

    @Override
    public FetchResult fetch(FetchRequest request) throws FetchException {
        HttpUrl url = HttpUrl.parse(request.url().trim());
        if (url == null) {
            return delegate.fetch(request); // the delegate names the problem
        }
        String hostKey = url.scheme() + "://" + url.host().toLowerCase(Locale.ROOT) + ":" + url.port();
        HostState host = hosts.computeIfAbsent(hostKey, k -> new HostState());
        checkBackoff(host, url);
        if (request.kind() == FetchRequest.Kind.FEED) {
            return observe(host, request);
        }
        if (settings.obeyRobots() && !robots(host, url).allows(pathAndQuery(url))) {
            throw new FetchException("robots-disallowed", "robots.txt of " + url.host() + " disallows " + url);
        }
        acquire(host, url);
        try {
            waitTurn(host);
            return observe(host, request);
        } finally {
            host.slots.release();
        }
    }

    private void checkBackoff(HostState host, HttpUrl url) throws FetchException {
        Instant until;
        synchronized (host) {
            until = host.backoffUntil;
        }
        Instant now = clock.instant();
        if (now.isBefore(until)) {
            Duration left = Duration.between(now, until);
            throw new FetchException("host-backoff", url.host() + " asked us to wait; " + left.toSeconds()
                    + "s left", left, null);
        }
    }

    private FetchResult observe(HostState host, FetchRequest request) throws FetchException {
        try {
            return delegate.fetch(request);
        } catch (FetchException e) {
            if (e.reason().equals("http-429") || e.reason().equals("http-503")) {
                Duration wait = e.retryAfter() == null ? settings.defaultBackoff() : e.retryAfter();
                wait = wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
                synchronized (host) {
                    Instant until = clock.instant().plus(wait);
                    host.backoffUntil = until.isAfter(host.backoffUntil) ? until : host.backoffUntil;
                }
            }
            throw e;
        }
    }

    private void acquire(HostState host, HttpUrl url) throws FetchException {
        try {
            if (!host.slots.tryAcquire(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new FetchException("host-busy", "no free slot for " + url.host() + " within "
                        + settings.callTimeout().toSeconds() + "s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted", "interrupted while waiting for " + url.host(), null, e);
        }
    }

    /** Reserves the next start time for this host and sleeps until it comes. */
    private void waitTurn(HostState host) throws FetchException {
        Instant start;
        synchronized (host) {
            Instant now = clock.instant();
            start = host.nextStart.isAfter(now) ? host.nextStart : now;
            host.nextStart = start.plus(settings.hostDelay());
        }
        long millis = Duration.between(clock.instant(), start).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException("interrupted", "interrupted during the per-host delay", null, e);
            }
        }
    }

    private RobotsRules robots(HostState host, HttpUrl url) throws FetchException {
        synchronized (host) {
            if (host.robots != null && clock.instant().isBefore(host.robotsExpiry)) {
                return host.robots;
            }
        }
        RobotsRules rules;
        Duration ttl = settings.robotsCacheTtl();
        String robotsUrl = url.newBuilder().encodedPath("/robots.txt").query(null).fragment(null).build().toString();
        try {
            FetchResult r = observe(host, FetchRequest.page(robotsUrl));
            rules = RobotsRules.parse(r.body(), settings.userAgent());
        } catch (FetchException e) {
            if (e.reason().startsWith("http-4") && !e.reason().equals("http-429")) {
                rules = RobotsRules.allowAll(); // no robots.txt: everything is allowed (RFC 9309 2.3.1.3)
            } else if (e.reason().equals("http-429") || e.reason().equals("http-503")
                    || e.reason().equals("private-address") || e.reason().equals("bad-url")) {
                throw e; // the host is backing off or off limits: not a robots.txt verdict
            } else {
                // Unreachable robots.txt means "assume complete disallow" (RFC 9309 2.3.1.4); retry soon.
                rules = RobotsRules.disallowAll();
                ttl = ROBOTS_ERROR_TTL;
            }
        }
        synchronized (host) {
            host.robots = rules;
            host.robotsExpiry = clock.instant().plus(ttl);
        }
        return rules;
    }

    private static String pathAndQuery(HttpUrl url) {
        String q = url.encodedQuery();
        return url.encodedPath() + (q == null ? "" : "?" + q);
    }
}
