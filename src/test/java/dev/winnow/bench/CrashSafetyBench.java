package dev.winnow.bench;

import dev.winnow.e2e.CrashCycles;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Crash safety: SIGKILLs {@code winnow fetch} and {@code winnow daemon} at 20 random moments of a cycle
 * against a loopback news site, checking after each kill that status, search and export work, that no
 * article is stored twice and that no feed saved its validators without its articles; then a rerun must
 * store every article exactly once with no feed stuck. Needs no data from ../shared.
 *
 * <p>Run: {@code mvn -B -q -Pbench -Dbench=CrashSafetyBench [-Dbench.args="KILLS SEED"]}
 */
public final class CrashSafetyBench {
    private CrashSafetyBench() {
    }

    public static void main(String[] args) throws Exception {
        int kills = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
        Path work = Files.createTempDirectory("winnow-crash");
        CrashCycles.Outcome outcome = new CrashCycles(work, System.out).run(kills, seed);
        long during = outcome.kills().stream().filter(k -> !k.exitedFirst()).count();
        System.out.printf("%d kills (%d mid-cycle), seed %d: %d of %d articles stored after the rerun, %d problems%n",
                outcome.kills().size(), during, seed, outcome.finalArticles(), outcome.siteArticles(),
                outcome.problems().size());
        outcome.problems().forEach(p -> System.out.println("  problem: " + p));
        System.out.println(outcome.ok() ? "PASS" : "FAIL");
        System.exit(outcome.ok() ? 0 : 1); // the in-process commands leave pooled HTTP threads behind
    }
}
