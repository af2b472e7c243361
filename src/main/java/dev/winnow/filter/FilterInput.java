package dev.winnow.filter;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One article body to clean.
 *
 * @param url           the article's URL (so its own title is not counted as "another article's"), or null
 * @param title         the article's headline; context, never removed
 * @param paragraphs    the body lines in reading order
 * @param lang          declared language, or null to detect it from the text
 * @param siblingTitles titles of other items of the same feed/batch; a line equal to one is a strong signal
 */
public record FilterInput(String url, String title, List<String> paragraphs, String lang,
                          Collection<String> siblingTitles) {
    public FilterInput {
        Objects.requireNonNull(paragraphs, "paragraphs");
        title = title == null ? "" : title;
        paragraphs = List.copyOf(paragraphs);
        siblingTitles = siblingTitles == null ? List.of() : List.copyOf(siblingTitles);
    }
}
