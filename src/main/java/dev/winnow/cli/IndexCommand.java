package dev.winnow.cli;

import dev.winnow.index.IndexRepair;
import dev.winnow.index.IndexSettings;
import dev.winnow.index.solr.SolrConfigset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Command;

/** {@code winnow index check|repair}: find and recover from a damaged index. */
@Command(name = "index", description = "Check the index for damage, or repair it (stop the daemon first).",
        subcommands = {IndexCommand.Check.class, IndexCommand.Repair.class, IndexCommand.SolrConfigsetCommand.class})
final class IndexCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give a subcommand: check, repair, solr-configset");
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

    @Command(name = "solr-configset", description = "Write the Solr configset of index.backend=solr into DIR: a schema"
            + " with winnow's per-language analysis, its stop lists and a solrconfig. Upload it with"
            + " `solr zk upconfig -n winnow -d DIR` and create the collection from it.")
    static final class SolrConfigsetCommand extends WinnowCommand {
        @picocli.CommandLine.Parameters(paramLabel = "DIR", description = "Folder to write (created if needed).")
        Path dir;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = out();
            for (Path file : SolrConfigset.write(dir)) {
                out.println(file);
            }
            out.flush();
            return Main.OK;
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
