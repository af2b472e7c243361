package dev.winnow.pipeline;

import dev.winnow.article.Block;
import dev.winnow.article.Removal;
import dev.winnow.article.StoredArticle;
import dev.winnow.extract.ExtractedArticle;
import dev.winnow.feed.FeedItem;
import dev.winnow.filter.FilterResult;
import dev.winnow.lang.Languages;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds the stored clean copy from what extraction found, what the filter removed and what the feed
 * item says. The page's metadata wins; the feed item fills the gaps (title, date, authors).
 */
final class ArticleAssembler {
    private ArticleAssembler() {
    }

    static StoredArticle assemble(Candidate c, FilterResult verdict, String feedUrl, Instant now) {
        ExtractedArticle x = c.extracted();
        FeedItem item = c.item();
        List<String> lines = bodyLines(x);
        List<Removal> removed = new ArrayList<>(x.removed());
        removed.addAll(verdict.removals());
        List<String> kept = verdict.kept(lines);
        String title = c.title();
        return new StoredArticle(
                c.url(),
                item == null ? null : item.guid(),
                feedUrl,
                title,
                x.authors().isEmpty() && item != null ? item.authors() : x.authors(),
                x.published() != null ? x.published() : item == null ? null : item.published(),
                now,
                verdict.lang(),
                x.siteName(),
                x.description() != null ? x.description() : item == null ? null : item.summary(),
                kept,
                removed,
                contentHash(title, kept));
    }

    static List<String> bodyLines(ExtractedArticle x) {
        return x.blocks().stream().map(Block::text).toList();
    }

    /** The language to analyse the article as: the page's, else the feed's, else unknown (detect). */
    static String declaredLanguage(Candidate c) {
        String lang = Languages.normalize(c.extracted().lang());
        if (!Languages.isKnown(lang)) {
            lang = Languages.normalize(c.fallbackLang());
        }
        return Languages.isKnown(lang) ? lang : null;
    }

    static String contentHash(String title, List<String> paragraphs) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(title.getBytes(StandardCharsets.UTF_8));
            for (String p : paragraphs) {
                md.update((byte) '\n');
                md.update(p.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
