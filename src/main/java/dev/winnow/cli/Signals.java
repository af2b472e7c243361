package dev.winnow.cli;

import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a callback, so the daemon can finish its work, commit and exit 0
 * instead of being torn down by the JVM's default handler (exit 143/130).
 */
final class Signals {
    private Signals() {
    }

    @SuppressWarnings("restriction")
    static void onTermination(Runnable action) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), sig -> action.run());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // Signal not available on this platform: fall back to a shutdown hook.
                Runtime.getRuntime().addShutdownHook(new Thread(action));
            }
        }
    }
}
