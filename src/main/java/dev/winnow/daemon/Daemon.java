package dev.winnow.daemon;

import dev.winnow.feed.FeedSource;
import dev.winnow.pipeline.FeedPoller;
import dev.winnow.pipeline.FeedReport;
import dev.winnow.pipeline.ProgressListener;
import dev.winnow.state.FeedState;
import dev.winnow.state.FeedStateStore;
import java.time.Clock;
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
    private final Scheduler scheduler;

    public Daemon(FeedPoller poller, FeedStateStore states, FeedListSource feedList, DaemonSettings settings,
                  Clock clock) throws SchedulerException {
        this(poller, states, feedList, settings, clock,
                new StdSchedulerFactory(quartzProperties(settings.threads())).getScheduler());
    }

    /** A daemon on a scheduler built elsewhere, e.g. on the clustered job store of {@code dev.winnow.cluster}. */
    public Daemon(FeedPoller poller, FeedStateStore states, FeedListSource feedList, DaemonSettings settings,
                  Clock clock, Scheduler scheduler) throws SchedulerException {
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
        scheduler.start();
        LOG.info("daemon started: {} feeds, {} threads", feeds.size(), settings.threads());
    }

    /** The feeds currently scheduled. */
    public Map<String, FeedSource> feeds() {
        return Map.copyOf(feeds);
    }

    /** Polls one feed now and arms its next poll; called by {@link PollFeedJob} with the job's subscription. */
    void pollAndReschedule(FeedSource source) {
        String url = source.url();
        try {
            FeedReport report = poller.poll(source, false, ProgressListener.NONE);
            LOG.info("polled {}: {} ({} items)", url, report.status().label(), report.items().size());
        } catch (RuntimeException e) {
            // A broken feed or a failing write must not kill the schedule: report and try again later.
            LOG.error("poll of {} failed unexpectedly", url, e);
        }
        arm(url, nextPollTime(url)); // not when the feed was removed meanwhile: its job is gone
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
        for (String url : scheduled) {
            if (!wanted.containsKey(url)) {
                feeds.remove(url);
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
            Trigger t = scheduler.getTrigger(triggerKey(url));
            if (t != null && t.getNextFireTime() != null) {
                out.put(url, t.getNextFireTime().toInstant());
            }
        }
        return out;
    }
}
