package dev.winnow.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;

/**
 * Good manners around another {@link HttpFetcher}. Article (PAGE) requests wait for a per-host slot
 * (at most {@code hostConcurrency} in flight, at least {@code hostDelay} apart) and are checked against
 * the host's robots.txt (fetched through the same fetcher, once for all concurrent checks, and cached).
 * Any request to a host that answered 429/503 recently fails at once with reason {@code host-backoff}
 * until its Retry-After has passed, so one throttling host never stalls the feeds and articles of other
 * hosts.
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
        RobotsVerdict robots;
        Instant robotsExpiry = Instant.EPOCH;
        /** The robots.txt fetch in progress, which concurrent checks wait for instead of fetching again. */
        CompletableFuture<RobotsVerdict> robotsInFlight;
    }

    /** What one robots.txt fetch said: rules to obey, or why it could not be read (which disallows all). */
    private record RobotsVerdict(RobotsRules rules, FetchException unreachable, Duration ttl) {
        RobotsRules rulesFor(HttpUrl url) throws FetchException {
            if (unreachable != null) {
                throw PoliteFetcher.unreachable(url, unreachable);
            }
            return rules;
        }
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
     * connection, timeout…), remembered for a while so each article does not wait for it again. Checks that
     * arrive while the host's robots.txt is being fetched wait for that fetch, so one answer (even a single
     * 500) decides for every page of the host alike.
     */
    private RobotsRules robots(HostState host, HttpUrl url) throws FetchException {
        while (true) {
            CompletableFuture<RobotsVerdict> flight;
            boolean leader = false;
            synchronized (host) {
                if (host.robots != null && clock.instant().isBefore(host.robotsExpiry)) {
                    return host.robots.rulesFor(url);
                }
                if (host.robotsInFlight == null) {
                    host.robotsInFlight = new CompletableFuture<>();
                    leader = true;
                }
                flight = host.robotsInFlight;
            }
            if (leader) {
                fetchRobots(host, url, flight);
            }
            try {
                return await(flight).rulesFor(url);
            } catch (FetchException e) {
                // the fetching thread was interrupted: that says nothing about the host, so a waiter
                // that was not interrupted itself checks again (and fetches if no one else does)
                if (leader || !e.reason().equals("interrupted") || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
            }
        }
    }

    /** Fetches robots.txt for everyone waiting on {@code flight}; caches a verdict, never a transient failure. */
    private void fetchRobots(HostState host, HttpUrl url, CompletableFuture<RobotsVerdict> flight) {
        try {
            RobotsVerdict verdict = readRobots(host, url);
            synchronized (host) {
                host.robots = verdict;
                host.robotsExpiry = clock.instant().plus(verdict.ttl());
                host.robotsInFlight = null;
            }
            flight.complete(verdict);
        } catch (Throwable t) { // whatever happens, no waiter may be left waiting
            synchronized (host) {
                host.robotsInFlight = null;
            }
            flight.completeExceptionally(t);
        }
    }

    private RobotsVerdict readRobots(HostState host, HttpUrl url) throws FetchException {
        String robotsUrl = url.newBuilder().encodedPath("/robots.txt").query(null).fragment(null).build().toString();
        try {
            FetchResult r = observe(host, FetchRequest.page(robotsUrl));
            return new RobotsVerdict(RobotsRules.parse(r.body(), robotsUrl, settings.userAgent()), null,
                    settings.robotsCacheTtl());
        } catch (FetchException e) {
            if (e.reason().startsWith("http-4") && !e.reason().equals("http-429")) {
                // no robots.txt: everything is allowed (RFC 9309 2.3.1.3)
                return new RobotsVerdict(RobotsRules.allowAll(), null, settings.robotsCacheTtl());
            } else if (e.reason().equals("http-429") || e.reason().equals("http-503")
                    || e.reason().equals("private-address") || e.reason().equals("bad-url")
                    || e.reason().equals("interrupted")) {
                throw e; // the host is backing off or off limits: not a robots.txt verdict
            }
            // RFC 9309 2.3.1.4: unreachable means disallow all; retried soon
            return new RobotsVerdict(null, e, ROBOTS_ERROR_TTL);
        }
    }

    /** The shared outcome of a robots.txt fetch, its failure rethrown as this caller's own exception. */
    private static RobotsVerdict await(CompletableFuture<RobotsVerdict> flight) throws FetchException {
        try {
            return flight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted", "interrupted while waiting for robots.txt", null, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof FetchException f) {
                throw new FetchException(f.reason(), f.getMessage(), f.retryAfter(), f);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
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
