package dev.winnow.daemon;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/** The Quartz job that re-reads the feed list and reschedules added, removed and changed feeds. */
@DisallowConcurrentExecution
public final class OpmlCheckJob implements Job {
    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            Daemon daemon = (Daemon) context.getScheduler().getContext().get(Daemon.CONTEXT_KEY);
            daemon.syncFeeds();
        } catch (SchedulerException e) {
            throw new JobExecutionException("cannot resync feeds", e);
        }
    }
}
