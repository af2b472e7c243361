package dev.winnow.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Log verbosity per use: one-off commands keep stderr quiet (warnings only) so their output reads well
 * in a terminal; the daemon reports each poll at INFO, since its log is the record of what it did.
 * {@code WINNOW_LOG_LEVEL} overrides both.
 */
final class Logs {
    /** Lines of a log file carry their full date: such a file outlives the day it was started. */
    static final String FILE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{20} - %msg%n";

    private Logs() {
    }

    static void daemonMode() {
        if (System.getenv("WINNOW_LOG_LEVEL") == null
                && LoggerFactory.getLogger("dev.winnow") instanceof Logger winnow) {
            winnow.setLevel(Level.INFO);
        }
    }

    /** Also appends every log line, dated, to {@code file} (created with its folders if missing). */
    static void toFile(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(FILE_PATTERN);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(file.toAbsolutePath().toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        if (!appender.isStarted()) {
            throw new UsageException("cannot write the log file " + file);
        }
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }
}
