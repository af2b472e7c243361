package dev.winnow.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few SIGKILLs of fetch and daemon at random moments (the bench {@code CrashSafetyBench} runs twenty):
 * every command works after each, and a rerun stores every article exactly once with no feed stuck.
 */
class CrashSafetyTest {
    @TempDir
    Path dir;

    @Test
    void killedFetchesAndDaemonsLoseNothingAndDuplicateNothing() throws Exception {
        long seed = System.nanoTime();
        CrashCycles.Outcome outcome = new CrashCycles(dir, System.out).run(3, seed);
        assertTrue(outcome.problems().isEmpty(), "seed " + seed + ": " + outcome.problems());
        assertEquals(outcome.siteArticles(), outcome.finalArticles(), "seed " + seed);
    }
}
