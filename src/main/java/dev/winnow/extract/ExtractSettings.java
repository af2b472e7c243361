package dev.winnow.extract;

import dev.winnow.config.Config;

/**
 * Limits and thresholds of {@link ArticleExtractor}, read from the {@code extract.*} keys of the
 * configuration (documented in {@code config/winnow.properties}).
 *
 * @param maxHtmlBytes       pages longer than this are cut before parsing (bounds memory and time)
 * @param maxElements        elements beyond this count are ignored when looking for the article
 * @param maxDepth           elements nested deeper than this are ignored (hostile nesting)
 * @param minParagraphChars  a block needs this many letters to count as a paragraph when scoring
 * @param minArticleChars    a body shorter than this (letters, about a sentence) is "no article"
 * @param maxLinkDensity     a container inside the body whose text is more than this share links is dropped
 * @param listPageLinkDensity a best candidate whose text is more than this share links, made of teasers, is a list page
 * @param keepCaptions       emit figure captions as {@code CAPTION} blocks (else they are dropped with a reason)
 */
public record ExtractSettings(
        long maxHtmlBytes,
        int maxElements,
        int maxDepth,
        int minParagraphChars,
        int minArticleChars,
        double maxLinkDensity,
        double listPageLinkDensity,
        boolean keepCaptions) {

    public static ExtractSettings from(Config c) {
        return new ExtractSettings(
                c.bytes("extract.max-html-bytes"),
                c.integer("extract.max-elements", 100, 10_000_000),
                c.integer("extract.max-depth", 16, 10_000),
                c.integer("extract.min-paragraph-chars", 1, 10_000),
                c.integer("extract.min-article-chars", 0, 1_000_000),
                c.decimal("extract.max-link-density", 0.0, 1.0),
                c.decimal("extract.list-page-link-density", 0.0, 1.0),
                c.bool("extract.keep-captions"));
    }

    public static ExtractSettings defaults() {
        return from(Config.defaults());
    }
}
