package dev.winnow.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the end-to-end tests that share one local news site for the whole class. */
abstract class WithNewsSite {
    static NewsSite site;

    @BeforeAll
    static void startSite() throws Exception {
        site = new NewsSite();
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }
}
