package dev.winnow.cli;

import dev.winnow.config.ConfigException;
import dev.winnow.index.QuerySyntaxException;
import java.io.PrintWriter;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code winnow} command: dispatches to the subcommands and maps errors to exit codes. */
@Command(name = "winnow", mixinStandardHelpOptions = true, version = "winnow 0.1.0",
        description = "Content-quality filter for scraped news feeds: fetch, extract, strip off-topic lines, "
                + "index and search.",
        subcommands = {DaemonCommand.class, FetchCommand.class, SearchCommand.class, ShowCommand.class,
                ExportCommand.class, StatusCommand.class, CleanCommand.class, FeedsCommand.class,
                CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:some items or feeds failed", "2:usage or configuration error"})
public final class Main implements Runnable {
    /** Everything went well. */
    public static final int OK = 0;
    /** Some feeds or items failed (reported), or an operational error. */
    public static final int PARTIAL_FAILURE = 1;
    /** Bad usage, bad configuration or a malformed query. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    public static void main(String[] args) {
        System.exit(commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args));
    }

    /** The configured command line, writing to the given streams; used by main and by tests. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        UsageExamples.apply(cl);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            PrintWriter w = line.getErr();
            int code = exitCodeFor(e);
            w.println("winnow: " + describe(e));
            if (code == PARTIAL_FAILURE && System.getenv("WINNOW_DEBUG") != null) {
                e.printStackTrace(w);
            }
            w.flush();
            return code;
        });
        return cl;
    }

    private static int exitCodeFor(Exception e) {
        if (e instanceof ConfigException || e instanceof QuerySyntaxException || e instanceof UsageException) {
            return USAGE;
        }
        return PARTIAL_FAILURE;
    }

    private static String describe(Exception e) {
        if (e instanceof ConfigException) {
            return "configuration error: " + e.getMessage();
        }
        if (e instanceof QuerySyntaxException) {
            return e.getMessage();
        }
        if (e instanceof UsageException) {
            return e.getMessage();
        }
        String msg = e.getMessage();
        return "error: " + (msg == null ? e.toString() : msg);
    }
}
