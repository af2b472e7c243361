package dev.winnow.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class JunkRulesTest {
    @Test
    void inlineStylesThatHideAnElementAreReadInAnyCaseAndSpacing() {
        assertTrue(JunkRules.hiddenByStyle("display:none"));
        assertTrue(JunkRules.hiddenByStyle("color: red; DISPLAY : None;"));
        assertTrue(JunkRules.hiddenByStyle("visibility:  hidden"));
        assertFalse(JunkRules.hiddenByStyle("display: block; visibility: visible"));
        assertFalse(JunkRules.hiddenByStyle("display"));
        assertFalse(JunkRules.hiddenByStyle(""));
    }

    @Test
    void aClassListRepeatedOnAPageGetsTheSameVerdictEachTime() {
        Element body = Jsoup.parse("<div class='share-tools social'>a</div><div class='share-tools social'>b</div>"
                + "<div class='entry-content'>c</div>").body();
        JunkRules rules = new JunkRules();
        assertEquals("share", rules.hint(body.child(0), true));
        assertEquals("share", rules.hint(body.child(1), true));
        assertNull(rules.hint(body.child(2), true));
    }
}
