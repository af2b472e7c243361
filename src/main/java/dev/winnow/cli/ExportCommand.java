package dev.winnow.cli;

import dev.winnow.config.Config;
import dev.winnow.index.ArticleIndex;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code winnow export}: every stored article as JSON Lines, for downstream use. */
@Command(name = "export", description = "Print every stored article as JSON Lines (url, title, feed, published, lang, text, removed).")
final class ExportCommand extends WinnowCommand {

    @Option(names = "--json", description = "JSON Lines output (the default and only format).")
    boolean json = true;

    @Override
    public Integer call() throws Exception {
        Config config = config();
        PrintWriter out = out();
        try (ArticleIndex index = new Components(config).openReadOnly(dataDir())) {
            index.forEach(a -> out.println(Json.line(Json.article(a))));
        }
        out.flush();
        return Main.OK;
    }
}
