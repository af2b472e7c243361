package dev.winnow.cli;

import dev.winnow.config.ConfigException;
import dev.winnow.index.IndexDamagedException;
import dev.winnow.index.IndexLockedException;
import dev.winnow.index.IndexWriteException;
import dev.winnow.index.QuerySyntaxException;
import java.io.PrintWriter;
import java.util.List;
import org.apache.lucene.index.CorruptIndexException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code winnow} command: dispatches to the subcommands and maps errors to exit codes. */
@Command(name = "winnow", mixinStandardHelpOptions = true, version = "winnow 0.1.0",
        description = "Content-quality filter for scraped news feeds: fetch, extract, strip off-topic lines, "
                + "index and search.",
        subcommands = {DaemonCommand.class, FetchCommand.class, SearchCommand.class, ShowCommand.class,
                ExportCommand.class, StatusCommand.class, CleanCommand.class, FeedsCommand.class,
                IndexCommand.class, CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:some items or feeds failed", "2:usage or configuration error",
                "3:out of memory (the launcher's JVM stops at once)", "4:the index is locked by another daemon or fetch",
                "5:the index is damaged or cannot be written (disk full): see `winnow index check`"})
public final class Main implements Runnable {
    /** Everything went well. */
    public static final int OK = 0;
    /** Some feeds or items failed (reported), or an operational error. */
    public static final int PARTIAL_FAILURE = 1;
    /** Bad usage, bad configuration or a malformed query. */
    public static final int USAGE = 2;
    /** The index is locked: another daemon or fetch is writing to it. (3 is the JVM's out-of-memory exit.) */
    public static final int INDEX_LOCKED = 4;
    /** The index cannot be read (damaged) or written (disk full, I/O error). */
    public static final int INDEX_UNUSABLE = 5;

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
        if (cause(e, IndexLockedException.class) != null) {
            return INDEX_LOCKED;
        }
        if (cause(e, IndexDamagedException.class) != null || cause(e, IndexWriteException.class) != null
                || cause(e, CorruptIndexException.class) != null) {
            return INDEX_UNUSABLE;
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
        for (Class<? extends Exception> known : List.of(IndexLockedException.class, IndexDamagedException.class,
                IndexWriteException.class)) {
            Exception c = cause(e, known);
            if (c != null) {
                return c.getMessage();
            }
        }
        CorruptIndexException corrupt = cause(e, CorruptIndexException.class);
        if (corrupt != null) {
            return "the index is damaged (" + corrupt.getOriginalMessage() + "). Run `winnow index check` for details"
                    + " and `winnow index repair` to keep what can be read";
        }
        String msg = e.getMessage();
        return "error: " + (msg == null ? e.toString() : msg);
    }

    /** The first exception of type {@code type} in the cause chain of {@code e}, or null. */
    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
