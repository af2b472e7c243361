package dev.winnow.daemon;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * The Quartz job that polls one feed. Never runs twice at once for the same feed; after each run the
 * daemon re-arms its trigger for the feed's next poll time.
 */
@DisallowConcurrentExecution
public final class PollFeedJob implements Job {
    static final String FEED_URL = "feedUrl";

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String url = context.getMergedJobDataMap().getString(FEED_URL);
        try {
            Daemon daemon = (Daemon) context.getScheduler().getContext().get(Daemon.CONTEXT_KEY);
            daemon.pollAndReschedule(url);
        } catch (SchedulerException e) {
            throw new JobExecutionException("scheduler unavailable for " + url, e);
        }
    }
}
