package dev.winnow.ops;

import dev.winnow.config.Config;
import java.nio.file.Path;

/**
 * Operations options of the daemon, from the {@code ops.*} keys.
 *
 * @param metricsPort loopback port of {@code /metrics} and {@code /health}; 0 means no endpoint
 * @param logFile     file the daemon's log lines are appended to, with their date, or null for stderr only
 */
public record OpsSettings(int metricsPort, Path logFile) {
    public static OpsSettings from(Config c) {
        String file = c.string("ops.log-file").strip();
        return new OpsSettings(c.integer("ops.metrics-port", 0, 65535), file.isEmpty() ? null : Path.of(file));
    }
}
