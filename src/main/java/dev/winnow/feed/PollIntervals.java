package dev.winnow.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When to poll a feed next: a pure function of what winnow knows about it, so the daemon's schedule
 * can be explained and tested without a clock.
 *
 * <ol>
 *   <li>Start from the adaptive interval when the feed's recent item dates allow one (the mean gap
 *       between its last items, stretched while the feed stays silent), else from the base interval.</li>
 *   <li>The feed's TTL and the HTTP max-age are lower bounds: polling sooner would only get a cached copy.</li>
 *   <li>After consecutive failures the interval doubles each time, up to {@code maxBackoff}.</li>
 *   <li>The result is kept within [min, max]; a Retry-After is honoured even above min, up to max.</li>
 * </ol>
 */
public final class PollIntervals {
    /** Items looked at for the adaptive interval: enough to average, recent enough to follow changes. */
    static final int ADAPTIVE_ITEMS = 20;

    private PollIntervals() {
    }

    /**
     * The bounds a deployment sets.
     *
     * @param base       the feed's interval (OPML {@code winnowInterval}, else {@code daemon.default-interval})
     * @param maxBackoff cap of the failure backoff ({@code daemon.max-backoff})
     */
    public record Policy(Duration base, Duration min, Duration max, Duration maxBackoff) {
    }

    /**
     * What the last poll taught us; every field may be null (or 0 / empty) when unknown.
     *
     * @param itemDates publication dates of the items in the last successful poll
     */
    public record Signals(Duration feedTtl, Duration httpMaxAge, Duration retryAfter, int consecutiveFailures,
                          List<Instant> itemDates, Instant now) {
        public Signals {
            itemDates = itemDates == null ? List.of() : List.copyOf(itemDates);
        }
    }

    public static Duration next(Policy p, Signals s) {
        Duration adaptive = adaptive(s.itemDates(), s.now());
        Duration interval = adaptive != null ? adaptive : p.base();
        interval = atLeast(interval, s.feedTtl());
        interval = atLeast(interval, s.httpMaxAge());
        if (s.consecutiveFailures() > 0) {
            Duration backedOff = interval.multipliedBy(1L << Math.min(s.consecutiveFailures(), 20));
            interval = backedOff.compareTo(p.maxBackoff()) > 0 ? atLeast(p.maxBackoff(), interval) : backedOff;
        }
        interval = clamp(interval, p.min(), p.max());
        if (s.retryAfter() != null) {
            interval = atLeast(interval, s.retryAfter().compareTo(p.max()) > 0 ? p.max() : s.retryAfter());
        }
        return interval;
    }

    /**
     * Mean gap between the newest {@value #ADAPTIVE_ITEMS} dated items; when the newest item is older than
     * that gap the feed has gone quiet, and half the silence is used instead. Null with fewer than 2 dates.
     */
    static Duration adaptive(List<Instant> dates, Instant now) {
        List<Instant> recent = dates.stream().filter(d -> d != null && (now == null || !d.isAfter(now)))
                .distinct().sorted((a, b) -> b.compareTo(a)).limit(ADAPTIVE_ITEMS).toList();
        if (recent.size() < 2) {
            return null;
        }
        Duration span = Duration.between(recent.get(recent.size() - 1), recent.get(0));
        Duration gap = span.dividedBy(recent.size() - 1);
        if (now != null) {
            Duration silence = Duration.between(recent.get(0), now).dividedBy(2);
            gap = atLeast(gap, silence);
        }
        return gap.isZero() ? null : gap;
    }

    private static Duration atLeast(Duration d, Duration floor) {
        return floor != null && floor.compareTo(d) > 0 ? floor : d;
    }

    private static Duration clamp(Duration d, Duration min, Duration max) {
        if (d.compareTo(min) < 0) {
            return min;
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
