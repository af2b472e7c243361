package dev.winnow.cli;

import dev.winnow.config.Config;
import dev.winnow.daemon.Daemon;
import dev.winnow.daemon.DaemonSettings;
import dev.winnow.daemon.DaemonStatusFile;
import dev.winnow.index.ArticleIndex;
import dev.winnow.ops.DaemonMetrics;
import dev.winnow.ops.OpsServer;
import dev.winnow.ops.OpsSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code winnow daemon}: polls every feed of the OPML file on its schedule until stopped. */
@Command(name = "daemon", description = "Poll every feed of the OPML file on its schedule until stopped (SIGTERM/Ctrl-C;"
        + " a second Ctrl-C exits at once).")
final class DaemonCommand extends WinnowCommand {
    private static final Logger LOG = LoggerFactory.getLogger(DaemonCommand.class);

    @Option(names = "--opml", paramLabel = "FILE", description = "The feed list (default: feeds.opml config key).")
    Path opml;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve /metrics (Prometheus) and /health on 127.0.0.1:PORT (default: ops.metrics-port; 0: off).")
    Integer metricsPort;

    @Option(names = "--log-file", paramLabel = "FILE", description = "Also append dated log lines to FILE (default: ops.log-file).")
    Path logFile;

    @Override
    public Integer call() throws Exception {
        Config config = config();
        Components components = new Components(config);
        DaemonSettings settings = DaemonSettings.from(config);
        Path feedList = FeedSelection.opmlOrDefault(config, opml);
        FeedSelection.readOpml(feedList); // fail fast, before the index is opened, on a missing or broken list
        OpsSettings ops = OpsSettings.from(config);
        Logs.daemonMode();
        Path log = logFile != null ? logFile : ops.logFile();
        if (log != null) {
            Logs.toFile(log);
        }
        CountDownLatch stop = new CountDownLatch(1);
        AtomicInteger signals = new AtomicInteger();
        Signals.onTermination(() -> {
            if (signals.incrementAndGet() > 1) {
                // Uncommitted work is simply redone at the next start: the index is crash-safe.
                System.err.println("winnow daemon: exiting at once; polls not yet stored are redone at the next start");
                Runtime.getRuntime().halt(130);
            }
            stop.countDown();
        });
        int port = metricsPort != null ? metricsPort : ops.metricsPort();
        if (port < 0 || port > 65535) {
            throw new UsageException("--metrics-port must be a port from 0 (off) to 65535, not " + port);
        }
        String indexError;
        try (ArticleIndex index = components.openForWriting(dataDir());
             Daemon daemon = components.daemon(index, () -> FeedSelection.readOpml(feedList), settings,
                     new DaemonStatusFile(dataDir()), feedList.toAbsolutePath().toString());
             OpsServer opsServer = port > 0 ? startOps(daemon, port) : null) {
            daemon.start();
            System.err.println("winnow daemon: polling " + daemon.feeds().size() + " feeds from " + feedList
                    + ", index in " + dataDir() + " (Ctrl-C to stop)");
            stop.await();
            System.err.println("winnow daemon: stopping (Ctrl-C again to exit at once)…");
            if (!daemon.stop(settings.stopTimeout())) {
                System.err.println("winnow daemon: polls still in flight after " + settings.stopTimeout()
                        + " are dropped; their feeds are polled again at the next start");
            }
            indexError = daemon.indexError();
        }
        if (indexError != null) {
            System.err.println("winnow daemon: stopped, but the last write to the index failed: " + indexError);
            return Main.INDEX_UNUSABLE;
        }
        LOG.info("daemon stopped cleanly");
        return Main.OK;
    }

    private static OpsServer startOps(Daemon daemon, int port) throws java.io.IOException {
        DaemonMetrics metrics = new DaemonMetrics(() -> daemon.feeds().size(), Clock.systemUTC());
        daemon.observePolls(metrics);
        OpsServer server;
        try {
            server = OpsServer.start(metrics, port);
        } catch (java.net.BindException e) {
            throw new UsageException("cannot serve metrics on 127.0.0.1:" + port + ": " + e.getMessage());
        }
        System.err.println("winnow daemon: metrics on http://127.0.0.1:" + server.port() + "/metrics and /health");
        return server;
    }
}
