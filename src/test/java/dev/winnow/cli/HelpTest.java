package dev.winnow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command, at any depth, explains itself: -h, --help and {@code winnow help CMD}. */
class HelpTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The command paths of every subcommand, e.g. ["status"], ["feeds", "add"]. */
    private static List<List<String>> allCommands() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())),
                new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> paths) {
        cl.getSubcommands().forEach((name, sub) -> {
            List<String> path = new ArrayList<>(prefix);
            path.add(name);
            paths.add(path);
            collect(sub, path, paths);
        });
    }

    @Test
    void everySubcommandAnswersDashHAndDashDashHelpWithItsOwnUsageAndExamples() {
        List<List<String>> commands = allCommands();
        assertTrue(commands.size() >= 14, commands.toString());
        for (List<String> path : commands) {
            for (String flag : List.of("-h", "--help")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                Run r = run(args.toArray(String[]::new));
                assertEquals(0, r.code(), args + ": " + r.err());
                assertTrue(r.out().contains("Usage: winnow " + String.join(" ", path) + " ["), args + ": " + r.out());
                assertTrue(r.out().contains("Examples:"), args + " has no examples: " + r.out());
            }
        }
    }

    @Test
    void helpCommandPrintsTheNamedCommandsUsage() {
        Run r = run("help", "status");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Usage: winnow status"), r.out());
        Run nested = run("feeds", "help", "add");
        assertEquals(0, nested.code(), nested.err());
        assertTrue(nested.out().startsWith("Usage: winnow feeds add"), nested.out());
    }

    @Test
    void completionScriptIsGeneratedForBash() {
        Run r = run("generate-completion");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("complete -F"), "a bash completion function is registered");
        assertTrue(r.out().contains("search") && r.out().contains("feeds"), "subcommands are completed");
    }
}
