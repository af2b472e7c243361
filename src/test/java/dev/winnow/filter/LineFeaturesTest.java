package dev.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LineFeaturesTest {
    @Test
    void bareAdvertisingLabelIsFullPromo() {
        assertEquals(1.0, PromoCues.score("Publicidad"));
        assertEquals(1.0, PromoCues.score("ADVERTISEMENT"));
    }

    @Test
    void callToActionWithChannelIsPromo() {
        assertTrue(PromoCues.score("Síguenos en Instagram y TikTok") >= 0.85);
        assertTrue(PromoCues.score("Subscribe to our newsletter") >= 0.85);
    }

    @Test
    void appealsToListenOrSupportArePromo() {
        assertTrue(PromoCues.score("Apoya el periodismo independiente: hazte socio") >= 0.85);
        assertTrue(PromoCues.score("Abonnez-vous à notre newsletter") >= 0.85);
        assertTrue(PromoCues.score("The bill has support from both parties, Doe said.") < 0.5);
    }

    @Test
    void newsAboutAPlatformIsNotPromo() {
        assertTrue(PromoCues.score("Instagram began testing hiding like counts in several markets.") < 0.5);
        assertEquals(0.0, PromoCues.score("El embalse está al 12 % de su capacidad."));
    }

    @Test
    void shapeOfHeadlineAndProse() {
        assertFalse(LineShape.endsWithStop("Cheaper cells, longer range"));
        assertTrue(LineShape.endsWithStop("He said it would “change everything.”"));
        assertEquals(4, LineShape.words("  Cheaper cells,  longer range "));
        assertEquals(1.0, LineShape.capitalised("Pop Star Announces Farewell Tour"));
        assertFalse(LineShape.hasText("___"));
    }
}
