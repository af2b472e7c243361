package dev.winnow.e2e;

import dev.winnow.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs winnow commands in-process, capturing their output and exit code. */
final class Cli {
    record Result(int code, String out, String err) {
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
