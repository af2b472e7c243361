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
    private volatile HostWaits waits = HostWaits.NONE;

    /** Told when a fetch sleeps for its host's turn, so a progress display can say what it waits for. */
    public interface HostWaits {
        /** A fetch of {@code host} sleeps until {@code until} (the per-host delay). */
        void waiting(String host, Instant until);

        /** That sleep is over (or was interrupted). */
        void waited(String host);

        HostWaits NONE = new HostWaits() {
            @Override
            public void waiting(String host, Instant until) {
            }

            @Override
            public void waited(String host) {
            }
        };
    }

    public PoliteFetcher(HttpFetcher delegate, HttpSettings settings) {
        this(delegate, settings, Clock.systemUTC());
    }

    PoliteFetcher(HttpFetcher delegate, HttpSettings settings, Clock clock) {
        this.delegate = delegate;
        this.settings = settings;
        this.clock = clock;
    }

    /** Reports per-host waits to {@code observer} from now on ({@link HostWaits#NONE} to stop). */
    public void observeWaits(HostWaits observer) {
        this.waits = observer == null ? HostWaits.NONE : observer;
    }

    /** Per-host bookkeeping; the slot semaphore bounds concurrency, the rest is guarded by {@code this}. */
    private final class HostState {
        final Semaphore slots = new Semaphore(settings.hostConcurrency(), true);
        Instant nextStart = Instant.EPOCH;
        Instant backoffUntil = Instant.EPOCH;
        RobotsRules robots;
        FetchException robotsFailure;
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
        if (settings.obeyRobots() && !robots(host, url).allows(url.toString())) {
            throw new FetchException("robots-disallowed", "robots.txt of " + url.host() + " disallows " + url);
        }
        acquire(host, url);
        try {
            waitTurn(host, url.host());
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
    private void waitTurn(HostState host, String hostName) throws FetchException {
        Instant start;
        synchronized (host) {
            Instant now = clock.instant();
            start = host.nextStart.isAfter(now) ? host.nextStart : now;
            host.nextStart = start.plus(settings.hostDelay());
        }
        long millis = Duration.between(clock.instant(), start).toMillis();
        if (millis > 0) {
            HostWaits observer = waits;
            observer.waiting(hostName, start);
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException("interrupted", "interrupted during the per-host delay", null, e);
            } finally {
                observer.waited(hostName);
            }
        }
    }

    /**
     * The host's robots.txt rules, fetched once per TTL. A missing robots.txt (4xx) allows everything; a
     * server error makes RFC 9309 assume complete disallow, reported as {@code robots-unavailable}, not as a
     * refusal; a host that cannot be reached at all fails with that real cause (unknown host, refused
     * connection, timeout…), remembered for a while so each article does not wait for it again.
     */
    private RobotsRules robots(HostState host, HttpUrl url) throws FetchException {
        synchronized (host) {
            if (clock.instant().isBefore(host.robotsExpiry)) {
                if (host.robotsFailure != null) {
                    throw unreachable(url, host.robotsFailure);
                }
                if (host.robots != null) {
                    return host.robots;
                }
            }
        }
        RobotsRules rules = null;
        FetchException failure = null;
        Duration ttl = settings.robotsCacheTtl();
        String robotsUrl = url.newBuilder().encodedPath("/robots.txt").query(null).fragment(null).build().toString();
        try {
            FetchResult r = observe(host, FetchRequest.page(robotsUrl));
            rules = RobotsRules.parse(r.body(), robotsUrl, settings.userAgent());
        } catch (FetchException e) {
            if (e.reason().startsWith("http-4") && !e.reason().equals("http-429")) {
                rules = RobotsRules.allowAll(); // no robots.txt: everything is allowed (RFC 9309 2.3.1.3)
            } else if (e.reason().equals("http-429") || e.reason().equals("http-503")
                    || e.reason().equals("private-address") || e.reason().equals("bad-url")
                    || e.reason().equals("interrupted")) {
                throw e; // the host is backing off or off limits: not a robots.txt verdict
            } else {
                failure = e; // RFC 9309 2.3.1.4: unreachable means disallow all; retried soon
                ttl = ROBOTS_ERROR_TTL;
            }
        }
        synchronized (host) {
            host.robots = rules;
            host.robotsFailure = failure;
            host.robotsExpiry = clock.instant().plus(ttl);
        }
        if (failure != null) {
            throw unreachable(url, failure);
        }
        return rules;
    }

    /** Why a page is not fetched when its host's robots.txt could not be read: the real cause, kept. */
    private static FetchException unreachable(HttpUrl url, FetchException cause) {
        if (cause.reason().startsWith("http-5")) {
            return new FetchException("robots-unavailable", "robots.txt of " + url.host() + " answered "
                    + cause.reason().replace("http-", "HTTP ") + ", so RFC 9309 forbids crawling the host for now; "
                    + url + " not fetched", null, cause);
        }
        return new FetchException(cause.reason(), cause.getMessage() + " (while reading robots.txt for " + url + ")",
                null, cause);
    }
}
