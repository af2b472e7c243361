package dev.winnow.cli;

import dev.winnow.config.Config;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every winnow subcommand shares: the global options, accepted after the subcommand's name, and
 * the output streams of the command line it runs in (so tests can capture them).
 */
abstract class WinnowCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    private Config config;

    /** The effective configuration, read once. */
    final Config config() {
        if (config == null) {
            config = common.config();
        }
        return config;
    }

    final java.nio.file.Path dataDir() {
        return common.dataDir(config());
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
