package dev.winnow.daemon;

import dev.winnow.feed.FeedSource;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * The Quartz job that polls one feed. Never runs twice at once for the same feed within one daemon;
 * after each run the daemon re-arms its trigger for the feed's next poll time.
 */
@DisallowConcurrentExecution
public final class PollFeedJob implements Job {
    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        FeedSource source = FeedJobData.source(context.getMergedJobDataMap());
        try {
            Daemon daemon = (Daemon) context.getScheduler().getContext().get(Daemon.CONTEXT_KEY);
            daemon.pollAndReschedule(source);
        } catch (SchedulerException e) {
            throw new JobExecutionException("scheduler unavailable for " + source.url(), e);
        }
    }
}
