package dev.winnow.cli;

import dev.winnow.index.IndexRepair;
import dev.winnow.index.IndexSettings;
import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine.Command;

/** {@code winnow index check|repair}: find and recover from a damaged index. */
@Command(name = "index", description = "Check the index for damage, or repair it (stop the daemon first).",
        subcommands = {IndexCommand.Check.class, IndexCommand.Repair.class})
final class IndexCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give a subcommand: check, repair");
    }

    @Command(name = "check", description = "Read every segment of the index and say what is damaged; changes nothing."
            + " Exit code 0 when healthy, 5 when damaged.")
    static final class Check extends WinnowCommand {
        @Override
        public Integer call() throws Exception {
            return print(repairer(this).check(), out());
        }
    }

    @Command(name = "repair", description = "Keep every readable segment and set the damaged files aside in a "
            + "damaged-TIME folder (never deleted); every feed is then fetched in full at its next poll.")
    static final class Repair extends WinnowCommand {
        @Override
        public Integer call() throws Exception {
            return print(repairer(this).repair(), out());
        }
    }

    private static IndexRepair repairer(WinnowCommand command) {
        return new IndexRepair(command.dataDir(), IndexSettings.from(command.config()), Clock.systemUTC());
    }

    /** Prints the report; returns the exit code it calls for. */
    private static int print(IndexRepair.Report report, PrintWriter out) {
        out.println(report.summary());
        report.details().forEach(d -> out.println("  " + d));
        out.flush();
        return report.healthy() ? Main.OK : Main.INDEX_UNUSABLE;
    }
}
