package dev.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.article.Removal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Batches of odd text — unpaired surrogates, combining marks with nothing to combine, control and zero-width
 * characters, right-to-left overrides, ligatures, mixed scripts, lines of thousands of words, missing titles,
 * URLs and languages, unknown language codes — are cleaned like any other: every removal names a line of its
 * article, once, with a reason.
 */
class OddTextTest {
    private static final String[] PIECES = {"the ", "council ", "voted ", "año ", "Straße ", "ÆSOP ", "l'article ",
        "qu'il ", "\uD800", "\uDC00", "\uD835\uDC00", "\uD83D\uDE00 ", "\u0301", "\u200B", "\u202E", "\u0000", "\t",
        "\n", "  ", "...", "—", "«", "»", "“", "”", "\"", "'", "’", "1,000 ", "3.5% ", "日本語 ", "русский ",
        "العربية ", "ﬁ ", "İstanbul ", "ǅ ", "Read more: ", "Síguenos en Facebook ", "https://x.example/a?b=c ",
        "@user ", "#tag ", "WASHINGTON (AP) — ", "Q: ", "• ", "1. "};
    private static final String[] LANGS = {"en", "es", "de", "fr", "pt", "it", "nl", "ru", "ja", "und", null, "xx",
        "EN-us", ""};

    @Test
    void oddTextIsCleanedWithARemovalPerLineAtMost() {
        Random random = new Random(7);
        OffTopicFilter filter = new OffTopicFilter(FilterSettings.defaults());
        int removed = 0;
        for (int round = 0; round < 300; round++) {
            List<FilterInput> batch = new ArrayList<>();
            for (int d = 1 + random.nextInt(5); d > 0; d--) {
                List<String> lines = new ArrayList<>();
                for (int l = random.nextInt(15); l > 0; l--) {
                    lines.add(text(random, random.nextInt(10) == 0 ? 2000 : 1 + random.nextInt(40)));
                }
                batch.add(new FilterInput(random.nextInt(5) == 0 ? null : "https://news.example/" + random.nextInt(3),
                        random.nextInt(6) == 0 ? null : text(random, random.nextInt(12)), lines,
                        LANGS[random.nextInt(LANGS.length)], List.of()));
            }
            CorpusStats stats = BatchCorpusStats.of(CorpusStats.EMPTY, batch);
            for (FilterInput in : batch) {
                FilterResult result = filter.filter(in, stats);
                for (Removal r : result.removals()) {
                    assertTrue(r.index() >= 0 && r.index() < in.paragraphs().size(), "round " + round);
                    assertEquals(in.paragraphs().get(r.index()), r.text(), "round " + round);
                    assertFalse(r.reason() == null || r.reason().isBlank(), "round " + round);
                }
                assertEquals(result.removals().size(), result.removedIndices().size(), "each line once, round " + round);
                removed += result.removals().size();
            }
        }
        assertTrue(removed > 0, "some odd lines are removed (promos, lead-ins), so the check above ran");
    }

    private static String text(Random random, int pieces) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }
}
