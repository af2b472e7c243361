package dev.winnow.extract;

import dev.winnow.article.TitleKeys;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Finds the element that shows the article's headline: among the page's first headings, one whose text reads
 * as the title (an {@code <h2>} or {@code <h3>} too: blogs set the site's name in the {@code <h1>}), else the
 * first {@code <h1>} that has text. An empty {@code <h1>} (a logo picture) is no headline.
 */
final class Headline {
    private Headline() {
    }

    /** The headline element, or null when the page shows none. */
    static Element find(List<Element> headings, String title) {
        String key = TitleKeys.of(title);
        if (!key.isEmpty()) {
            for (Element h : headings) {
                if (TitleKeys.of(h.text()).equals(key)) {
                    return h;
                }
            }
        }
        for (Element h : headings) {
            if (h.normalName().equals("h1") && Html.letters(h.text()) > 0) {
                return h;
            }
        }
        return null;
    }
}
