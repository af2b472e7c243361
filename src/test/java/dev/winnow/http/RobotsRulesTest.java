package dev.winnow.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RobotsRulesTest {
    private static RobotsRules rules(String txt, String agent) {
        return RobotsRules.parse(txt.getBytes(StandardCharsets.UTF_8), "https://h.example/robots.txt", agent);
    }

    @Test
    void longestMatchWinsAndAllowWinsTies() {
        RobotsRules r = rules("User-agent: *\nDisallow: /news/\nAllow: /news/public/\nDisallow: /tie\nAllow: /tie\n", "winnow/0.1");
        assertFalse(r.allows("https://h.example/news/today"));
        assertTrue(r.allows("https://h.example/news/public/today"));
        assertTrue(r.allows("https://h.example/tie"));
        assertTrue(r.allows("https://h.example/other"));
    }

    @Test
    void specificGroupReplacesTheStarGroup() {
        String txt = "User-agent: *\nDisallow: /\n\nUser-agent: winnow\nDisallow: /private\n";
        assertTrue(rules(txt, "winnow/0.1 (feed reader)").allows("https://h.example/story"));
        assertFalse(rules(txt, "winnow/0.1").allows("https://h.example/private/x"));
        assertFalse(rules(txt, "otherbot/2").allows("https://h.example/story"));
    }

    @Test
    void wildcardsAndEndAnchor() {
        RobotsRules r = rules("User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?print=\n", "winnow");
        assertFalse(r.allows("https://h.example/docs/a.pdf"));
        assertTrue(r.allows("https://h.example/docs/a.pdf.html"));
        assertFalse(r.allows("https://h.example/story?id=1&print=1".replace("&", "?")));
        assertTrue(r.allows("https://h.example/story?id=1"));
    }

    @Test
    void groupsSharingRulesAndCommentsAndEmptyDisallow() {
        String txt = "# hi\nUser-agent: a\nUser-agent: winnow # us\nDisallow: /x\n\nUser-agent: b\nDisallow:\n";
        assertFalse(rules(txt, "winnow").allows("https://h.example/x/1"));
        assertTrue(rules(txt, "b").allows("https://h.example/x/1"));
    }
}
