package dev.winnow.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class ClusterSchemaTest {
    private static TestDatabase db;

    @BeforeAll
    static void start() throws Exception {
        db = new TestDatabase();
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void quartzScriptFromTheJarIsUsedWithoutItsDropStatements() {
        List<String> statements = ClusterSchema.quartzStatements();
        assertTrue(statements.stream().noneMatch(s -> s.toUpperCase(Locale.ROOT).contains("DROP")), statements.toString());
        assertEquals(11, statements.stream().filter(s -> s.startsWith("CREATE TABLE")).count());
        assertTrue(statements.stream().anyMatch(s -> s.startsWith("CREATE INDEX")));
    }

    @Test
    void tablesAreCreatedWhenAbsentAndExistingOnesAreKept() throws Exception {
        ClusterSchema.ensure(db.dataSource());
        assertEquals(List.of("qrtz_fired_triggers", "qrtz_job_details", "qrtz_locks", "qrtz_triggers",
                "winnow_feed_state", "winnow_host_lease"), db.column("SELECT table_name FROM information_schema.tables"
                + " WHERE table_name IN ('qrtz_locks', 'qrtz_job_details', 'qrtz_triggers', 'qrtz_fired_triggers',"
                + " 'winnow_feed_state', 'winnow_host_lease') ORDER BY table_name"));
        db.execute("INSERT INTO qrtz_locks VALUES ('kept', 'TRIGGER_ACCESS')");

        assertFalse(ClusterSchema.ensure(db.dataSource()), "Quartz's tables exist: nothing created again");
        assertEquals(List.of("kept"), db.column("SELECT sched_name FROM qrtz_locks WHERE sched_name = 'kept'"));
    }
}
