package dev.winnow.cli;

import dev.winnow.config.Config;
import dev.winnow.index.ArticleIndex;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code winnow export}: every stored article as JSON Lines, for downstream use. */
@Command(name = "export", description = "Print every stored article as JSON Lines (url, title, feed, published, lang, text, removed).")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--json", description = "JSON Lines output (the default and only format).")
    boolean json = true;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Config config = common.config();
        PrintWriter out = spec.commandLine().getOut();
        try (ArticleIndex index = new Components(config).openReadOnly(common.dataDir(config))) {
            index.forEach(a -> out.println(Json.line(Json.article(a))));
        }
        out.flush();
        return Main.OK;
    }
}
