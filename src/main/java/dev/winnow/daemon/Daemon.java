package dev.winnow.daemon;

import dev.winnow.feed.FeedSource;
import dev.winnow.index.IndexWriteException;
import dev.winnow.pipeline.FeedPoller;
import dev.winnow.pipeline.FeedReport;
import dev.winnow.pipeline.FeedStatus;
import dev.winnow.pipeline.ProgressListener;
import dev.winnow.state.FeedState;
import dev.winnow.state.FeedStateStore;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
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
 * <p>Quartz runs on its in-memory job store unless it is handed a scheduler on a shared (clustered JDBC)
 * store. Either way the store is the authority on which feeds are scheduled: each feed's job carries its
 * subscription, a feed already scheduled (by another daemon of the cluster) is left as it is, and only
 * the feed list's changes are applied to it. Feed jobs ask for recovery, so a poll in flight on a daemon
 * that dies is run again by another, which re-arms the feed's next poll.
 */
public final class Daemon implements AutoCloseable {
    static final String CONTEXT_KEY = "winnow.daemon";
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    private static final String FEED_GROUP = "feeds";
    private static final int ADD_BATCH = 500;

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
        this(poller, states, feedList, settings, clock, statusFile, feedListName,
                new StdSchedulerFactory(quartzProperties(settings.threads())).getScheduler());
    }

    /** A daemon on a scheduler built elsewhere, e.g. on the clustered job store of {@code dev.winnow.cluster}. */
    public Daemon(FeedPoller poller, FeedStateStore states, FeedListSource feedList, DaemonSettings settings,
                  Clock clock, Scheduler scheduler) throws SchedulerException {
        this(poller, states, feedList, settings, clock, null, null, scheduler);
    }

    /** A daemon on {@code scheduler} that keeps {@code statusFile} (may be null) up to date. */
    public Daemon(FeedPoller poller, FeedStateStore states, FeedListSource feedList, DaemonSettings settings,
                  Clock clock, DaemonStatusFile statusFile, String feedListName, Scheduler scheduler)
            throws SchedulerException {
        this.statusFile = statusFile;
        this.feedListName = feedListName;
        this.started = clock.instant();
        this.poller = poller;
        this.states = states;
        this.feedList = feedList;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = scheduler;
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
        Set<String> jobs = names(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(FEED_GROUP)));
        Set<String> armed = names(scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(FEED_GROUP)));
        List<FeedSource> missing = new ArrayList<>();
        for (FeedSource f : initial) {
            feeds.put(f.url(), f);
            if (!jobs.contains(f.url())) {
                missing.add(f);
            } else if (!armed.contains(f.url())) {
                armIfUnarmed(f.url(), firstPollTime());
            }
        }
        addAll(missing);
        JobDetail check = JobBuilder.newJob(OpmlCheckJob.class).withIdentity("opml-check", "system").build();
        Trigger every = TriggerBuilder.newTrigger().withIdentity("opml-check", "system")
                .startAt(Date.from(clock.instant().plus(settings.opmlCheck())))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(settings.opmlCheck().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        if (!scheduler.checkExists(check.getKey())) {
            try {
                scheduler.scheduleJob(check, every);
            } catch (ObjectAlreadyExistsException e) {
                // another daemon of the cluster scheduled it a moment ago
            }
        }
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

    /** Polls one feed now and arms its next poll; called by {@link PollFeedJob} with the job's subscription. */
    void pollAndReschedule(FeedSource source) {
        String url = source.url();
        if (stopping) {
            return; // shutting down: the job store re-runs or re-arms it (next start, or another node)
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
            if (!stopping) {
                arm(url, nextPollTime(url)); // not when the feed was removed meanwhile: its job is gone
            }
        }
        observer.polled(report, Duration.between(pollStarted, clock.instant()));
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
        Set<String> scheduled;
        try {
            scheduled = names(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(FEED_GROUP)));
        } catch (SchedulerException e) {
            LOG.warn("cannot list the scheduled feeds, keeping them as they are: {}", e.getMessage());
            return;
        }
        int before = feeds.size();
        for (String url : scheduled) {
            if (!wanted.containsKey(url)) {
                feeds.remove(url);
                unreachable.remove(url);
                unschedule(url);
                LOG.info("feed removed: {}", url);
            }
        }
        feeds.keySet().retainAll(wanted.keySet());
        for (FeedSource f : wanted.values()) {
            FeedSource old = feeds.put(f.url(), f);
            if (!scheduled.contains(f.url())) {
                add(f, firstPollTime());
                LOG.info("feed added: {}", f.url());
            } else if (old != null && !old.equals(f)) {
                update(f);
            }
        }
        unreachable.keySet().retainAll(wanted.keySet());
        if (feeds.size() != before) {
            publishStatus();
        }
    }

    private Instant firstPollTime() {
        long jitter = settings.schedule().startupJitter().toMillis();
        return clock.instant().plusMillis(jitter <= 0 ? 0 : ThreadLocalRandom.current().nextLong(jitter + 1));
    }

    /** Adds the feed's job (carrying its subscription) and its first poll, unless already scheduled. */
    private void add(FeedSource source, Instant when) {
        try {
            scheduler.scheduleJob(jobDetail(source), Set.of(trigger(source.url(), when)), false);
        } catch (ObjectAlreadyExistsException e) {
            armIfUnarmed(source.url(), when); // another daemon added it meanwhile, or the job outlived its trigger
        } catch (SchedulerException e) {
            LOG.error("cannot schedule {}", source.url(), e);
        }
    }

    /** Adds many feeds a few hundred per transaction: the first start of a large list on a shared store. */
    private void addAll(List<FeedSource> sources) {
        for (int from = 0; from < sources.size(); from += ADD_BATCH) {
            List<FeedSource> batch = sources.subList(from, Math.min(sources.size(), from + ADD_BATCH));
            Map<JobDetail, Set<? extends Trigger>> jobs = new HashMap<>();
            batch.forEach(f -> jobs.put(jobDetail(f), Set.of(trigger(f.url(), firstPollTime()))));
            try {
                scheduler.scheduleJobs(jobs, false);
            } catch (SchedulerException e) {
                batch.forEach(f -> add(f, firstPollTime())); // another daemon is adding them too: one by one
            }
        }
    }

    private static Set<String> names(Set<? extends org.quartz.utils.Key<?>> keys) {
        Set<String> out = new HashSet<>();
        keys.forEach(k -> out.add(k.getName()));
        return out;
    }

    /** Replaces the subscription a feed's job carries (title, interval or language changed); keeps its trigger. */
    private void update(FeedSource source) {
        try {
            scheduler.addJob(jobDetail(source), true);
        } catch (SchedulerException e) {
            LOG.error("cannot update {}", source.url(), e);
        }
    }

    /** Arms the feed's next poll; does nothing when its job is gone (the feed was removed). */
    private void arm(String url, Instant when) {
        TriggerKey key = triggerKey(url);
        Trigger trigger = trigger(url, when);
        try {
            if (!scheduler.checkExists(jobKey(url))) {
                return;
            }
            if (scheduler.rescheduleJob(key, trigger) == null) {
                scheduler.scheduleJob(trigger);
            }
        } catch (ObjectAlreadyExistsException e) {
            LOG.debug("{} was re-armed concurrently", url);
        } catch (SchedulerException e) {
            LOG.error("cannot schedule {}", url, e);
        }
    }

    private void armIfUnarmed(String url, Instant when) {
        try {
            if (!scheduler.checkExists(triggerKey(url))) {
                arm(url, when);
            }
        } catch (SchedulerException e) {
            LOG.error("cannot schedule {}", url, e);
        }
    }

    private static JobDetail jobDetail(FeedSource source) {
        // Recovery: when the daemon running this poll dies, another daemon runs it again and re-arms the feed.
        return JobBuilder.newJob(PollFeedJob.class).withIdentity(jobKey(source.url()))
                .usingJobData(FeedJobData.of(source)).storeDurably().requestRecovery().build();
    }

    private static Trigger trigger(String url, Instant when) {
        return TriggerBuilder.newTrigger().withIdentity(triggerKey(url)).forJob(jobKey(url))
                .startAt(Date.from(when))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
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

    private static TriggerKey triggerKey(String url) {
        return TriggerKey.triggerKey(url, FEED_GROUP);
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
            Trigger t = scheduler.getTrigger(triggerKey(url));
            if (t != null && t.getNextFireTime() != null) {
                out.put(url, t.getNextFireTime().toInstant());
            }
        }
        return out;
    }
}
