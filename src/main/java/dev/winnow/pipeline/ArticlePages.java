package dev.winnow.pipeline;

import dev.winnow.extract.ArticleExtractor;
import dev.winnow.extract.ExtractedArticle;
import dev.winnow.extract.PageInput;
import dev.winnow.feed.FeedItem;
import dev.winnow.http.FetchException;
import dev.winnow.http.FetchRequest;
import dev.winnow.http.FetchResult;
import dev.winnow.http.HttpFetcher;
import dev.winnow.http.UrlCanonicalizer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches and extracts the article pages of new feed items, a few at a time. A page out of reach
 * (robots, 403, timeout) is replaced by the feed's own full text when the feed carries the article.
 */
final class ArticlePages {
    private static final Logger LOG = LoggerFactory.getLogger(ArticlePages.class);
    /** Letters of feed-supplied content from which it counts as the article rather than a teaser. */
    private static final int FULL_TEXT_CHARS = 600;

    private final HttpFetcher fetcher;
    private final ArticleExtractor extractor;
    private final int threads;
    private final BooleanSupplier stopping;

    /** {@code stopping} says when to fetch no more pages (the process is shutting down). */
    ArticlePages(HttpFetcher fetcher, ArticleExtractor extractor, int threads, BooleanSupplier stopping) {
        this.fetcher = fetcher;
        this.extractor = extractor;
        this.threads = threads;
        this.stopping = stopping;
    }

    /** For each item, in order: a {@link Candidate}, or the {@link ItemReport} of its failure. */
    List<Object> fetchAll(List<FeedItem> items, String lang) {
        if (items.isEmpty()) {
            return List.of();
        }
        int threads = Math.min(this.threads, items.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "winnow-article");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (FeedItem item : items) {
                futures.add(pool.submit(() -> fetchOne(item, lang)));
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                out.add(await(futures.get(i), items.get(i)));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Object await(Future<Object> f, FeedItem item) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ItemReport.failed(item.link(), item.title(), "interrupted: shutting down");
        } catch (ExecutionException e) {
            return ItemReport.failed(item.link(), item.title(), "internal-error: " + e.getCause());
        }
    }

    /** Fetches and extracts one page; returns a {@link Candidate} or a failure {@link ItemReport}. */
    private Object fetchOne(FeedItem item, String lang) {
        String link = UrlCanonicalizer.canonicalize(item.link());
        if (stopping.getAsBoolean()) {
            return ItemReport.failed(link, item.title(), "interrupted: shutting down");
        }
        FetchResult page;
        try {
            page = fetcher.fetch(FetchRequest.page(item.link()));
        } catch (FetchException e) {
            if (carriesFullText(item)) {
                // The page is out of reach (robots, 403, timeout) but the feed carries the article itself.
                page = new FetchResult(200, item.link(), item.link(), feedContentPage(item), "text/html; charset=utf-8",
                        null, null, null);
            } else {
                return ItemReport.failed(link, item.title(), e.reason() + ": " + e.getMessage());
            }
        }
        ExtractedArticle x;
        try {
            x = extractor.extract(new PageInput(page.body(), page.finalUrl(), page.contentType()));
        } catch (RuntimeException e) {
            LOG.warn("extractor crashed on {}", link, e);
            return ItemReport.failed(link, item.title(), "extraction-error: " + e);
        }
        if (!x.isArticle()) {
            return new ItemReport(link, item.title(), ItemStatus.SKIPPED, "no-article: " + x.notArticleReason(), 0);
        }
        return new Candidate(identity(link, page.finalUrl(), x.canonicalUrl()), item, x, lang);
    }

    /** Feeds that carry whole articles (content:encoded, atom:content) rather than a teaser. */
    private static boolean carriesFullText(FeedItem item) {
        String html = item.contentHtml();
        return html != null && org.jsoup.Jsoup.parse(html).text().length() >= FULL_TEXT_CHARS;
    }

    private static byte[] feedContentPage(FeedItem item) {
        String title = item.title() == null ? "" : org.jsoup.nodes.Entities.escape(item.title());
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><article><h1>"
                + title + "</h1>" + item.contentHtml() + "</article></body></html>";
        return html.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The URL an article is stored under: the page's rel=canonical when it stays on the same site (a
     * canonical pointing elsewhere could overwrite another site's article), else the item link.
     */
    static String identity(String itemLink, String finalUrl, String canonical) {
        if (canonical != null && !canonical.isBlank() && sameSite(finalUrl, canonical)) {
            try {
                return UrlCanonicalizer.canonicalize(canonical);
            } catch (RuntimeException ignored) {
                // fall through to the item link
            }
        }
        return itemLink;
    }

    private static boolean sameSite(String a, String b) {
        try {
            String ha = URI.create(a).getHost();
            String hb = URI.create(b).getHost();
            return ha != null && hb != null && stripWww(ha).equals(stripWww(hb));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripWww(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("www.") ? h.substring(4) : h;
    }
}
