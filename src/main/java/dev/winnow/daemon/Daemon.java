package dev.winnow.daemon;

import dev.winnow.feed.FeedSource;
import dev.winnow.pipeline.FeedPoller;
import dev.winnow.index.IndexWriteException;
import dev.winnow.pipeline.FeedReport;
import dev.winnow.pipeline.FeedStatus;
import dev.winnow.pipeline.ProgressListener;
import dev.winnow.state.FeedState;
import dev.winnow.state.FeedStateStore;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every feed of the list on its own schedule until stopped: one Quartz job per feed (never two
 * polls of one feed at once), a first poll at start-up after a random jitter, the next poll time
 * planned by each poll and kept in the feed's state, and a periodic check of the feed list so edits
 * to the OPML file take effect without a restart.
 *
 * <p>Whatever one poll throws — a failed write on a full disk, an out-of-memory error in one stage —
 * the feed keeps its schedule; the index reopens its writer by itself, and the daemon reports whether it
 * can write (and whether any feed is reachable) in its log and in {@link DaemonStatusFile}.
 *
 * <p>Quartz runs on its in-memory job store here; because schedules are derived from the stored feed
 * state, a JDBC job store can later let several daemons share one schedule.
 */
public final class Daemon implements AutoCloseable {
    static final String CONTEXT_KEY = "winnow.daemon";
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    private static final String FEED_GROUP = "feeds";

    private final FeedPoller poller;
    private final FeedStateStore states;
    private final FeedListSource feedList;
    private final DaemonSettings settings;
    private final Clock clock;
    private final Map<String, FeedSource> feeds = new ConcurrentHashMap<>();
    /** Feeds whose last poll failed (as a whole), with the reason. */
    private final Map<String, String> unreachable = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Scheduler scheduler;
    private volatile PollObserver observer = PollObserver.NONE;
    private final DaemonStatusFile statusFile;
    private final String feedListName;
    private final Instant started;
    private volatile boolean stopping;
    private volatile String indexError;
    private volatile Instant indexErrorSince;
    private volatile boolean saidNoneReachable;

    public Daemon(FeedPoller poller, FeedStateStore states, FeedListSource feedList, DaemonSettings settings,
                  Clock clock) throws SchedulerException {
        this(poller, states, feedList, settings, clock, null, null);
    }

    /**
     * A daemon that also keeps {@code statusFile} up to date for {@code winnow status}.
     *
     * @param feedListName the feed list as people know it (the OPML file's path)
     */
    public Daemon(FeedPoller poller, FeedStateStore states, FeedListSource feedList, DaemonSettings settings,
                  Clock clock, DaemonStatusFile statusFile, String feedListName) throws SchedulerException {
        this.statusFile = statusFile;
        this.feedListName = feedListName;
        this.started = clock.instant();
        this.poller = poller;
        this.states = states;
        this.feedList = feedList;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = new StdSchedulerFactory(quartzProperties(settings.threads())).getScheduler();
        this.scheduler.getContext().put(CONTEXT_KEY, this);
    }

    private static Properties quartzProperties(int threads) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "winnow-" + System.identityHashCode(p));
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "winnow-poll");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
        return p;
    }

    /** Loads the feed list, schedules every feed's first poll and the list check, and starts polling. */
    public void start() throws Exception {
        List<FeedSource> initial = feedList.load();
        for (FeedSource f : initial) {
            feeds.put(f.url(), f);
            schedule(f.url(), firstPollTime());
        }
        JobDetail check = JobBuilder.newJob(OpmlCheckJob.class).withIdentity("opml-check", "system").build();
        Trigger every = TriggerBuilder.newTrigger().withIdentity("opml-check", "system")
                .startAt(Date.from(clock.instant().plus(settings.opmlCheck())))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(settings.opmlCheck().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        scheduler.scheduleJob(check, every);
        publishStatus();
        scheduler.start();
        LOG.info("daemon started: {} feeds, {} threads", feeds.size(), settings.threads());
    }

    /** Reports every poll from now on to {@code observer} (metrics). */
    public void observePolls(PollObserver observer) {
        this.observer = observer == null ? PollObserver.NONE : observer;
    }

    /** Why the index could not be written at the last attempt, or null when the last write worked. */
    public String indexError() {
        return indexError;
    }

    /** The feeds currently scheduled. */
    public Map<String, FeedSource> feeds() {
        return Map.copyOf(feeds);
    }

    /** Polls one feed now and arms its next poll; called by {@link PollFeedJob}. */
    void pollAndReschedule(String url) {
        FeedSource source = feeds.get(url);
        if (source == null || stopping) {
            return; // removed from the list while waiting, or shutting down
        }
        Instant pollStarted = clock.instant();
        FeedReport report;
        inFlight.incrementAndGet();
        try {
            report = poller.poll(source, false, ProgressListener.NONE);
            LOG.info("polled {}: {} ({} items)", url, report.status().label(), report.items().size());
            indexWritten();
            noteReachability(url, report.status() == FeedStatus.FAILED ? report.reason() : null);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof IndexWriteException w) {
                indexNotWritten(w);
            } else {
                LOG.error("poll of {} failed unexpectedly", url, e);
            }
            report = new FeedReport(url, FeedStatus.FAILED, "internal-error: " + e.getMessage(), List.of());
        } catch (Throwable e) {
            // Whatever one poll throws (even an Error from one stage), the feed keeps its schedule.
            LOG.error("poll of {} failed unexpectedly", url, e);
            report = new FeedReport(url, FeedStatus.FAILED, "internal-error: " + e, List.of());
        } finally {
            inFlight.decrementAndGet();
            if (feeds.containsKey(url) && !stopping) {
                schedule(url, nextPollTime(url));
            }
        }
        observer.polled(report, java.time.Duration.between(pollStarted, clock.instant()));
    }

    private void indexWritten() {
        if (indexError != null) {
            LOG.info("the index can be written again");
            indexError = null;
            indexErrorSince = null;
            publishStatus();
        }
    }

    private void indexNotWritten(IndexWriteException e) {
        boolean first = indexError == null;
        indexError = e.getMessage();
        if (first) {
            indexErrorSince = clock.instant();
            LOG.error("{}; polls go on and their results are stored once the index can be written again", e.getMessage());
            publishStatus();
        } else {
            LOG.warn("poll not stored: {}", e.getMessage());
        }
    }

    /** Tracks feeds whose polls fail as a whole, and says so once when none is reachable. */
    private void noteReachability(String url, String failure) {
        if (failure == null) {
            unreachable.remove(url);
        } else {
            unreachable.put(url, failure);
        }
        boolean noneReachable = !feeds.isEmpty() && unreachable.keySet().containsAll(feeds.keySet());
        if (noneReachable && !saidNoneReachable) {
            LOG.warn("no feed is reachable ({} feeds failing, e.g. {}: {}); retrying each after {}, then less often"
                    + " up to every {}", unreachable.size(), url, failure, settings.schedule().failureRetry(),
                    settings.schedule().maxBackoff());
            publishStatus();
        } else if (!noneReachable && saidNoneReachable) {
            LOG.info("feeds are reachable again");
            publishStatus();
        }
        saidNoneReachable = noneReachable;
    }

    private void publishStatus() {
        if (statusFile != null) {
            statusFile.write(new DaemonStatus(ProcessHandle.current().pid(), started, feedListName, feeds.size(),
                    indexError, indexErrorSince, unreachable.size()));
        }
    }

    private Instant nextPollTime(String url) {
        Instant now = clock.instant();
        Instant planned = states.get(url).map(FeedState::nextPoll).orElse(null);
        if (planned == null || planned.isBefore(now)) {
            // No plan (unexpected failure): retry after the shortest allowed interval.
            return now.plus(settings.schedule().minInterval());
        }
        return planned;
    }

    /** Re-reads the feed list; adds, removes and updates scheduled feeds. Keeps the old list on error. */
    void syncFeeds() {
        List<FeedSource> latest;
        try {
            latest = feedList.load();
        } catch (Exception e) {
            LOG.warn("cannot re-read the feed list, keeping the current one: {}", e.getMessage());
            return;
        }
        Map<String, FeedSource> wanted = new HashMap<>();
        latest.forEach(f -> wanted.put(f.url(), f));
        int before = feeds.size();
        for (String url : List.copyOf(feeds.keySet())) {
            if (!wanted.containsKey(url)) {
                feeds.remove(url);
                unreachable.remove(url);
                unschedule(url);
                LOG.info("feed removed: {}", url);
            }
        }
        for (FeedSource f : wanted.values()) {
            FeedSource old = feeds.put(f.url(), f);
            if (old == null) {
                schedule(f.url(), firstPollTime());
                LOG.info("feed added: {}", f.url());
            }
        }
        if (feeds.size() != before) {
            publishStatus();
        }
    }

    private Instant firstPollTime() {
        long jitter = settings.schedule().startupJitter().toMillis();
        return clock.instant().plusMillis(jitter <= 0 ? 0 : ThreadLocalRandom.current().nextLong(jitter + 1));
    }

    private void schedule(String url, Instant when) {
        JobKey job = jobKey(url);
        TriggerKey key = TriggerKey.triggerKey(job.getName(), FEED_GROUP);
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key).forJob(job)
                .startAt(Date.from(when))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            if (!scheduler.checkExists(job)) {
                JobDetail detail = JobBuilder.newJob(PollFeedJob.class).withIdentity(job)
                        .usingJobData(PollFeedJob.FEED_URL, url).storeDurably().build();
                scheduler.addJob(detail, false);
            }
            if (scheduler.checkExists(key)) {
                scheduler.rescheduleJob(key, trigger);
            } else {
                scheduler.scheduleJob(trigger);
            }
        } catch (SchedulerException e) {
            LOG.error("cannot schedule {}", url, e);
        }
    }

    private void unschedule(String url) {
        try {
            scheduler.deleteJob(jobKey(url));
        } catch (SchedulerException e) {
            LOG.error("cannot unschedule {}", url, e);
        }
    }

    private static JobKey jobKey(String url) {
        return JobKey.jobKey(url, FEED_GROUP);
    }

    /**
     * Stops scheduling and gives the polls in flight up to {@code grace} to end: they fetch no more pages
     * and store nothing not stored yet (their feeds are polled again at the next start). Returns whether
     * every poll ended in time; the caller then closes the index, which discards any uncommitted write.
     */
    public boolean stop(Duration grace) throws InterruptedException {
        stopping = true;
        poller.stop();
        try {
            scheduler.shutdown(false);
        } catch (SchedulerException e) {
            LOG.error("scheduler shutdown failed", e);
        }
        Instant deadline = Instant.now().plus(grace);
        while (inFlight.get() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        return inFlight.get() == 0;
    }

    /** Stops as {@link #stop} with no grace if not stopped yet, and removes the status file. */
    @Override
    public void close() {
        try {
            if (!stopping) {
                stop(Duration.ZERO);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (statusFile != null) {
                statusFile.delete();
            }
        }
    }

    /** For tests and status: the time each feed's next poll is armed for. */
    public Map<String, Instant> nextFireTimes() throws SchedulerException {
        Map<String, Instant> out = new HashMap<>();
        for (String url : feeds.keySet()) {
            Trigger t = scheduler.getTrigger(TriggerKey.triggerKey(url, FEED_GROUP));
            if (t != null && t.getNextFireTime() != null) {
                out.put(url, t.getNextFireTime().toInstant());
            }
        }
        return out;
    }
}
