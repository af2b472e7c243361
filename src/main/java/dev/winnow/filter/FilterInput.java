package dev.winnow.filter;

import dev.winnow.article.BlockType;
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
 * @param roles         each line's structural role as the page marked it (list item, heading, quote,
 *                      caption…), in the order of {@code paragraphs}; empty when unknown (plain text)
 */
public record FilterInput(String url, String title, List<String> paragraphs, String lang,
                          Collection<String> siblingTitles, List<BlockType> roles) {
    public FilterInput {
        Objects.requireNonNull(paragraphs, "paragraphs");
        title = title == null ? "" : title;
        paragraphs = List.copyOf(paragraphs);
        siblingTitles = siblingTitles == null ? List.of() : List.copyOf(siblingTitles);
        roles = roles == null ? List.of() : List.copyOf(roles);
        if (!roles.isEmpty() && roles.size() != paragraphs.size()) {
            throw new IllegalArgumentException("roles: " + roles.size() + " for " + paragraphs.size() + " lines");
        }
    }

    /** An input whose lines' structural roles are unknown. */
    public FilterInput(String url, String title, List<String> paragraphs, String lang,
                       Collection<String> siblingTitles) {
        this(url, title, paragraphs, lang, siblingTitles, List.of());
    }

    /** The structural role of line {@code i}, or {@link BlockType#PARAGRAPH} when unknown. */
    BlockType role(int i) {
        return roles.isEmpty() ? BlockType.PARAGRAPH : roles.get(i);
    }
}
