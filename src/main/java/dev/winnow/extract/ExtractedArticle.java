package dev.winnow.extract;

import dev.winnow.article.Block;
import dev.winnow.article.Removal;
import java.time.Instant;
import java.util.List;

/**
 * What extraction found on one page: the article body as ordered one-line blocks, its metadata, and the
 * structural junk it dropped (with reasons). Any metadata field may be null when the page lacks it.
 *
 * @param lang             the page's declared language (two-letter code), or null
 * @param header           byline and dateline lines shown between the headline and the body (at most three,
 *                         each a short line), never repeated in {@code blocks}; empty when the page shows none
 * @param notArticleReason why the page holds no article (list page, empty, script-only…), or null
 */
public record ExtractedArticle(
        String title,
        List<String> authors,
        Instant published,
        Instant modified,
        String lang,
        String canonicalUrl,
        String siteName,
        String section,
        String description,
        String imageUrl,
        List<String> header,
        List<Block> blocks,
        List<Removal> removed,
        String notArticleReason) {

    public ExtractedArticle {
        authors = authors == null ? List.of() : List.copyOf(authors);
        header = header == null ? List.of() : List.copyOf(header);
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        removed = removed == null ? List.of() : List.copyOf(removed);
    }

    /** An article without header lines (the form before {@link #header()} existed). */
    public ExtractedArticle(String title, List<String> authors, Instant published, Instant modified, String lang,
            String canonicalUrl, String siteName, String section, String description, String imageUrl,
            List<Block> blocks, List<Removal> removed, String notArticleReason) {
        this(title, authors, published, modified, lang, canonicalUrl, siteName, section, description, imageUrl,
                List.of(), blocks, removed, notArticleReason);
    }

    public boolean isArticle() {
        return notArticleReason == null;
    }
}
