package dev.winnow.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguagesTest {
    @Test
    void reducesTagsToPrimarySubtag() {
        assertEquals("es", Languages.normalize("es-MX"));
        assertEquals("pt", Languages.normalize("pt_BR"));
        assertEquals("en", Languages.normalize(" EN "));
    }

    @Test
    void malformedTagsAreUnknown() {
        assertEquals(Languages.UNKNOWN, Languages.normalize(null));
        assertEquals(Languages.UNKNOWN, Languages.normalize(""));
        assertEquals(Languages.UNKNOWN, Languages.normalize("english"));
        assertEquals(Languages.UNKNOWN, Languages.normalize("e1"));
    }
}
