package dev.winnow.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log verbosity per use: one-off commands keep stderr quiet (warnings only) so their output reads well
 * in a terminal; the daemon reports each poll at INFO, since its log is the record of what it did.
 * {@code WINNOW_LOG_LEVEL} overrides both.
 */
final class Logs {
    private Logs() {
    }

    static void daemonMode() {
        if (System.getenv("WINNOW_LOG_LEVEL") == null
                && LoggerFactory.getLogger("dev.winnow") instanceof Logger winnow) {
            winnow.setLevel(Level.INFO);
        }
    }
}
