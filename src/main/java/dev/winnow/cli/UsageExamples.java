package dev.winnow.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What every command's usage shares: a {@code -h/--help} option on each subcommand at any depth, and a
 * few examples in the footer of each, kept together here so the help reads as one voice.
 */
final class UsageExamples {
    private static final Map<String, String[]> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("daemon", new String[] {"winnow daemon", "winnow daemon --opml feeds.opml --data /var/lib/winnow"});
        EXAMPLES.put("fetch", new String[] {"winnow fetch https://example.org/rss.xml",
            "winnow fetch --opml feeds.opml --dry-run --json"});
        EXAMPLES.put("search", new String[] {"winnow search 'inflation AND title:rates' --since 7d",
            "winnow search elecciones --lang es --sort date --json"});
        EXAMPLES.put("show", new String[] {"winnow show https://example.org/news/story-1",
            "winnow show https://example.org/news/story-1 --json"});
        EXAMPLES.put("export", new String[] {"winnow export > articles.jsonl"});
        EXAMPLES.put("status", new String[] {"winnow status", "winnow status --json --data /var/lib/winnow"});
        EXAMPLES.put("clean", new String[] {"winnow clean saved-page.html.gz", "winnow clean https://example.org/a --json",
            "winnow clean --jsonl articles.jsonl > removed.jsonl"});
        EXAMPLES.put("feeds", new String[] {"winnow feeds list", "winnow feeds add https://example.org/rss.xml --folder News",
            "winnow feeds check --opml feeds.opml"});
        EXAMPLES.put("feeds list", new String[] {"winnow feeds list --opml feeds.opml",
            "winnow feeds list --opml https://example.org/subscriptions.opml"});
        EXAMPLES.put("feeds import", new String[] {"winnow feeds import exported-from-reader.opml"});
        EXAMPLES.put("feeds add", new String[] {"winnow feeds add https://example.org/rss.xml",
            "winnow feeds add https://example.org/rss.xml --folder Tech"});
        EXAMPLES.put("feeds remove", new String[] {"winnow feeds remove https://example.org/rss.xml"});
        EXAMPLES.put("feeds export", new String[] {"winnow feeds export > backup.opml"});
        EXAMPLES.put("feeds check", new String[] {"winnow feeds check https://example.org/rss.xml",
            "winnow feeds check --opml feeds.opml --json"});
        EXAMPLES.put("index", new String[] {"winnow index check", "winnow index repair --data /var/lib/winnow"});
        EXAMPLES.put("index check", new String[] {"winnow index check", "winnow index check --data /var/lib/winnow"});
        EXAMPLES.put("index repair", new String[] {"winnow index repair", "winnow index repair --data /var/lib/winnow"});
        EXAMPLES.put("index solr-configset", new String[] {"winnow index solr-configset solr-conf",
                "solr zk upconfig -z zk1:2181 -n winnow -d solr-conf   # then create the collection from it"});
        EXAMPLES.put("help", new String[] {"winnow help search", "winnow help feeds"});
        EXAMPLES.put("feeds help", new String[] {"winnow feeds help add"});
        EXAMPLES.put("generate-completion", new String[] {"source <(winnow generate-completion)",
            "winnow generate-completion > /etc/bash_completion.d/winnow"});
    }

    private UsageExamples() {
    }

    /** Adds {@code -h/--help} where a command has none, and the examples footer, to every subcommand. */
    static void apply(CommandLine root) {
        for (CommandLine sub : root.getSubcommands().values()) {
            apply(sub.getCommandSpec());
            apply(sub);
        }
    }

    private static void apply(CommandSpec spec) {
        String path = spec.qualifiedName(" ").replaceFirst("^winnow ", "");
        if (spec.findOption("--help") == null) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
        String[] examples = EXAMPLES.get(path);
        if (examples != null) {
            String[] lines = new String[examples.length];
            for (int i = 0; i < examples.length; i++) {
                lines[i] = "  " + examples[i].replace("%", "%%");
            }
            spec.usageMessage().footerHeading("%nExamples:%n").footer(lines);
        }
    }
}
