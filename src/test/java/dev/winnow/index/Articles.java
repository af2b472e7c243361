package dev.winnow.index;

import dev.winnow.article.Removal;
import dev.winnow.article.StoredArticle;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small article fixtures for the index tests. */
final class Articles {
    static final String FEED_ES = "https://noticias.example/rss";
    static final String FEED_EN = "https://news.example/feed";
    static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");

    private Articles() {
    }

    static StoredArticle article(String url, String lang, String title, Instant published, String... paragraphs) {
        String feed = "es".equals(lang) ? FEED_ES : FEED_EN;
        String site = "es".equals(lang) ? "noticias.example" : "news.example";
        return new StoredArticle(url, url + "#guid", feed, title, List.of("Ana Pérez"), published, NOW, lang, site,
                null, List.of(paragraphs), List.of(), "h-" + url.hashCode());
    }

    /** The n-th story of the Spanish feed, published n days ago. */
    static StoredArticle story(int n) {
        return article("https://noticias.example/a" + n, "es", "Titular número " + n, daysAgo(n),
                "Primer párrafo de la noticia " + n + " sobre el presupuesto municipal.",
                "Segundo párrafo con más detalles del pleno.");
    }

    static StoredArticle withRemovals(StoredArticle a) {
        Removal r = new Removal("Lee también: otra noticia", "filter", "off-topic", 0.91,
                Map.of("similarity", 0.04, "titleMatch", 1.0), 2);
        return new StoredArticle(a.url(), a.guid(), a.feedUrl(), a.title(), a.authors(), a.published(), a.fetched(),
                a.lang(), a.site(), "a description", a.paragraphs(), List.of(r, Removal.of("Menú", "extract", "nav", 1)),
                a.contentHash());
    }

    static StoredArticle retitled(StoredArticle a, String title, String paragraph) {
        return new StoredArticle(a.url(), a.guid(), a.feedUrl(), title, a.authors(), a.published(), a.fetched(),
                a.lang(), a.site(), a.description(), List.of(paragraph), a.removed(), a.contentHash() + "2");
    }

    static StoredArticle inFeed(StoredArticle a, String url, String feed, String site) {
        return new StoredArticle(url, url + "#guid", feed, a.title(), a.authors(), a.published(), a.fetched(),
                a.lang(), site, a.description(), a.paragraphs(), a.removed(), a.contentHash());
    }

    static Instant daysAgo(int days) {
        return NOW.minusSeconds(86_400L * days);
    }
}
