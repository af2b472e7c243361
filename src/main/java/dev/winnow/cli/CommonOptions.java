package dev.winnow.cli;

import dev.winnow.config.Config;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every subcommand accepts, after its name: configuration file, data folder, network policy. */
public final class CommonOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (see config/winnow.properties).")
    Path configFile;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder of the index and feed state (default: data.dir).")
    Path dataDir;

    @Option(names = "--allow-private-network",
            description = "Allow requests to loopback, private and link-local addresses (tests, intranets).")
    boolean allowPrivateNetwork;

    /** The effective configuration: defaults, the file, then command-line overrides. */
    public Config config() {
        Config c = Config.load(configFile);
        if (dataDir != null) {
            c = c.with("data.dir", dataDir.toString());
        }
        if (allowPrivateNetwork) {
            c = c.with("network.allow-private", "true");
        }
        return c;
    }

    public Path dataDir(Config c) {
        return Path.of(c.string("data.dir"));
    }
}
