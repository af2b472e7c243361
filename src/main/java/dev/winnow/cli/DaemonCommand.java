package dev.winnow.cli;

import dev.winnow.config.Config;
import dev.winnow.daemon.Daemon;
import dev.winnow.daemon.DaemonSettings;
import dev.winnow.index.ArticleIndex;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code winnow daemon}: polls every feed of the OPML file on its schedule until stopped. */
@Command(name = "daemon", description = "Poll every feed of the OPML file on its schedule until stopped (SIGTERM/Ctrl-C).")
final class DaemonCommand extends WinnowCommand {
    private static final Logger LOG = LoggerFactory.getLogger(DaemonCommand.class);

    @Option(names = "--opml", paramLabel = "FILE", description = "The feed list (default: feeds.opml config key).")
    Path opml;

    @Override
    public Integer call() throws Exception {
        Config config = config();
        Components components = new Components(config);
        DaemonSettings settings = DaemonSettings.from(config);
        Path feedList = FeedSelection.opmlOrDefault(config, opml);
        FeedSelection.readOpml(feedList); // fail fast, before the index is opened, on a missing or broken list
        Logs.daemonMode();
        CountDownLatch stop = new CountDownLatch(1);
        Signals.onTermination(stop::countDown);
        try (ArticleIndex index = components.openForWriting(dataDir());
             Daemon daemon = components.daemon(index, () -> FeedSelection.readOpml(feedList), settings)) {
            daemon.start();
            System.err.println("winnow daemon: polling " + daemon.feeds().size() + " feeds from " + feedList
                    + ", index in " + dataDir() + " (Ctrl-C to stop)");
            stop.await();
            System.err.println("winnow daemon: stopping, finishing polls in flight…");
        }
        LOG.info("daemon stopped cleanly");
        return Main.OK;
    }
}
