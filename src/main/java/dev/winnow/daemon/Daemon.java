package dev.winnow.daemon;

import dev.winnow.feed.FeedSource;
import dev.winnow.pipeline.FeedPoller;
import dev.winnow.pipeline.FeedReport;
import dev.winnow.pipeline.FeedStatus;
import dev.winnow.pipeline.ProgressListener;
import dev.winnow.state.FeedState;
import dev.winnow.state.FeedStateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
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
    private final Scheduler scheduler;
    private volatile PollObserver observer = PollObserver.NONE;

    public Daemon(FeedPoller poller, FeedStateStore states, FeedListSource feedList, DaemonSettings settings,
                  Clock clock) throws SchedulerException {
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
        scheduler.start();
        LOG.info("daemon started: {} feeds, {} threads", feeds.size(), settings.threads());
    }

    /** Reports every poll from now on to {@code observer} (metrics). */
    public void observePolls(PollObserver observer) {
        this.observer = observer == null ? PollObserver.NONE : observer;
    }

    /** The feeds currently scheduled. */
    public Map<String, FeedSource> feeds() {
        return Map.copyOf(feeds);
    }

    /** Polls one feed now and arms its next poll; called by {@link PollFeedJob}. */
    void pollAndReschedule(String url) {
        FeedSource source = feeds.get(url);
        if (source == null) {
            return; // removed from the list while waiting
        }
        Instant started = clock.instant();
        FeedReport report;
        try {
            report = poller.poll(source, false, ProgressListener.NONE);
            LOG.info("polled {}: {} ({} items)", url, report.status().label(), report.items().size());
        } catch (RuntimeException e) {
            // A broken feed or a failing write must not kill the schedule: report and try again later.
            LOG.error("poll of {} failed unexpectedly", url, e);
            report = new FeedReport(url, FeedStatus.FAILED, "internal-error: " + e, List.of());
        }
        observer.polled(report, java.time.Duration.between(started, clock.instant()));
        if (feeds.containsKey(url)) {
            schedule(url, nextPollTime(url));
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
        for (String url : List.copyOf(feeds.keySet())) {
            if (!wanted.containsKey(url)) {
                feeds.remove(url);
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

    /** Stops scheduling and waits for the polls in flight to finish (each is bounded by fetch timeouts). */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.error("scheduler shutdown failed", e);
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
