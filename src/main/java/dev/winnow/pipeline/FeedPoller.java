package dev.winnow.pipeline;

import dev.winnow.article.StoredArticle;
import dev.winnow.extract.ArticleExtractor;
import dev.winnow.extract.ExtractedArticle;
import dev.winnow.extract.PageInput;
import dev.winnow.feed.FeedItem;
import dev.winnow.feed.FeedParseException;
import dev.winnow.feed.FeedParser;
import dev.winnow.feed.FeedSource;
import dev.winnow.feed.ParsedFeed;
import dev.winnow.http.FetchException;
import dev.winnow.http.FetchRequest;
import dev.winnow.http.FetchResult;
import dev.winnow.http.HttpFetcher;
import dev.winnow.http.UrlCanonicalizer;
import dev.winnow.index.ArticleIndex;
import dev.winnow.state.FeedState;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one feed through every stage: conditional fetch of the feed, parse, fetch and extract the
 * new items' pages, filter them as a batch, then store the clean copies and the feed's new state in
 * one commit. Failures are contained: a failing item is reported and retried next time; a failing feed
 * is reported and backed off; nothing already stored is touched by either.
 */
public final class FeedPoller {
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    /** Letters of feed-supplied content from which it counts as the article rather than a teaser. */
    private static final int FULL_TEXT_CHARS = 600;

    private final HttpFetcher fetcher;
    private final FeedParser parser;
    private final ArticleExtractor extractor;
    private final CleaningStage cleaning;
    private final ArticleIndex index;
    private final PollPlanner planner;
    private final PipelineSettings settings;
    private final Clock clock;
    // One feed's upserts, state and commit go together, so concurrent polls never interleave them.
    private final Object writeLock = new Object();

    public FeedPoller(HttpFetcher fetcher, FeedParser parser, ArticleExtractor extractor, CleaningStage cleaning,
                      ArticleIndex index, PollPlanner planner, PipelineSettings settings, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher);
        this.parser = Objects.requireNonNull(parser);
        this.extractor = Objects.requireNonNull(extractor);
        this.cleaning = Objects.requireNonNull(cleaning);
        this.index = Objects.requireNonNull(index);
        this.planner = Objects.requireNonNull(planner);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Polls the feed once. With {@code dryRun} everything happens except writing the index. */
    public FeedReport poll(FeedSource source, boolean dryRun, ProgressListener progress) {
        FeedState before = index.feedStates().get(source.url()).orElse(FeedState.initial(source.url()));
        Instant started = clock.instant();
        FetchResult fetched;
        try {
            fetched = fetcher.fetch(FetchRequest.feed(source.url(), before.etag(), before.lastModified()));
        } catch (FetchException e) {
            LOG.info("feed {} failed: {}", source.url(), e.getMessage());
            PollHints hints = new PollHints(null, null, e.retryAfter(), List.of());
            return finishFailed(source, before, started, e.reason() + ": " + e.getMessage(), hints, dryRun);
        }
        if (fetched.notModified()) {
            FeedState after = succeeded(before, fetched, started, FeedStatus.NOT_MODIFIED, 0);
            commit(List.of(), planned(source, after, new PollHints(null, fetched.maxAge(), null, List.of())), dryRun);
            return new FeedReport(source.url(), FeedStatus.NOT_MODIFIED, null, List.of());
        }
        ParsedFeed feed;
        try {
            feed = parser.parse(fetched.body(), fetched.finalUrl(), fetched.contentType());
        } catch (FeedParseException e) {
            return finishFailed(source, before, started, "unreadable-feed: " + e.getMessage(), PollHints.none(), dryRun);
        } catch (RuntimeException e) {
            LOG.warn("parser crashed on {}", source.url(), e);
            return finishFailed(source, before, started, "unreadable-feed: " + e, PollHints.none(), dryRun);
        }
        return processItems(source, before, fetched, feed, started, dryRun, progress);
    }

    private FeedReport processItems(FeedSource source, FeedState before, FetchResult fetched, ParsedFeed feed,
                                    Instant started, boolean dryRun, ProgressListener progress) {
        List<FeedItem> items = newestFirst(feed.items());
        progress.itemsPlanned(source.url(), items.size());
        Map<FeedItem, ItemReport> reports = new LinkedHashMap<>();
        List<FeedItem> toFetch = new ArrayList<>();
        for (FeedItem item : items) {
            ItemReport early = triage(item, toFetch.size());
            if (early != null) {
                reports.put(item, early);
                progress.itemDone(source.url(), early);
            } else {
                toFetch.add(item);
                reports.put(item, null);
            }
        }
        String lang = source.lang() != null ? source.lang() : feed.lang();
        List<Candidate> candidates = fetchAndExtract(source, toFetch, lang, reports, progress);
        List<StoredArticle> cleaned = cleaning.clean(candidates, index.corpusStats(), source.url(), clock.instant());
        List<StoredArticle> toStore = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            StoredArticle article = cleaned.get(i);
            ItemReport r = classify(c, article);
            reports.put(c.item(), r);
            progress.itemDone(source.url(), r);
            if (r.status() != ItemStatus.UNCHANGED) {
                toStore.add(article);
            }
        }
        long added = reports.values().stream().filter(r -> r.status() == ItemStatus.NEW).count();
        FeedState after = succeeded(before, fetched, started, FeedStatus.OK, added);
        List<Instant> dates = feed.items().stream().map(FeedItem::published).filter(Objects::nonNull).toList();
        commit(toStore, planned(source, after, new PollHints(feed.ttl(), fetched.maxAge(), null, dates)), dryRun);
        return new FeedReport(source.url(), FeedStatus.OK, null, new ArrayList<>(reports.values()));
    }

    /** Decides without a fetch what it can: a link-less item fails, a known unchanged item is skipped. */
    private ItemReport triage(FeedItem item, int alreadyPlanned) {
        String link = item.link();
        if (link == null || link.isBlank()) {
            // Nothing to fetch is not a failure: the feed is fine, the item just carries no article.
            return new ItemReport(item.guid(), item.title(), ItemStatus.SKIPPED, "no-link: the item has no article link", 0);
        }
        String url;
        try {
            url = UrlCanonicalizer.canonicalize(link);
        } catch (RuntimeException e) {
            return ItemReport.failed(link, item.title(), "bad-link: " + e.getMessage());
        }
        Optional<StoredArticle> known = lookup(url, item.guid());
        if (known.isPresent() && !updatedSinceFetch(item, known.get())) {
            return new ItemReport(known.get().url(), item.title(), ItemStatus.UNCHANGED, null, 0);
        }
        if (alreadyPlanned >= settings.maxArticlesPerPoll()) {
            return new ItemReport(url, item.title(), ItemStatus.SKIPPED, "deferred: per-poll article cap reached", 0);
        }
        return null;
    }

    private Optional<StoredArticle> lookup(String url, String guid) {
        try {
            Optional<StoredArticle> byUrl = index.get(url);
            if (byUrl.isPresent() || guid == null || guid.isBlank()) {
                return byUrl;
            }
            return index.findByGuid(guid);
        } catch (IOException e) {
            LOG.warn("index lookup failed for {}", url, e);
            return Optional.empty();
        }
    }

    private static boolean updatedSinceFetch(FeedItem item, StoredArticle stored) {
        return item.published() != null && stored.fetched() != null && item.published().isAfter(stored.fetched());
    }

    private List<Candidate> fetchAndExtract(FeedSource source, List<FeedItem> items, String lang,
                                            Map<FeedItem, ItemReport> reports, ProgressListener progress) {
        if (items.isEmpty()) {
            return List.of();
        }
        int threads = Math.min(settings.articleThreads(), items.size());
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
            List<Candidate> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Object result = await(futures.get(i), items.get(i));
                if (result instanceof Candidate c) {
                    out.add(c);
                } else {
                    ItemReport r = (ItemReport) result;
                    reports.put(items.get(i), r);
                    progress.itemDone(source.url(), r);
                }
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
        } catch (java.util.concurrent.ExecutionException e) {
            return ItemReport.failed(item.link(), item.title(), "internal-error: " + e.getCause());
        }
    }

    /** Fetches and extracts one page; returns a {@link Candidate} or a failure {@link ItemReport}. */
    private Object fetchOne(FeedItem item, String lang) {
        String link = UrlCanonicalizer.canonicalize(item.link());
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

    private ItemReport classify(Candidate c, StoredArticle article) {
        Optional<StoredArticle> known = lookup(article.url(), article.guid());
        int removedLines = article.removed().size();
        if (known.isEmpty()) {
            return new ItemReport(article.url(), article.title(), ItemStatus.NEW, null, removedLines);
        }
        boolean same = Objects.equals(known.get().contentHash(), article.contentHash());
        return new ItemReport(article.url(), article.title(), same ? ItemStatus.UNCHANGED : ItemStatus.UPDATED,
                null, removedLines);
    }

    private FeedReport finishFailed(FeedSource source, FeedState before, Instant started, String reason,
                                    PollHints hints, boolean dryRun) {
        FeedState after = new FeedState(before.feedUrl(), before.etag(), before.lastModified(), started,
                FeedStatus.FAILED.label(), reason, null, before.articlesIndexed(), before.consecutiveFailures() + 1);
        commit(List.of(), planned(source, after, hints), dryRun);
        return FeedReport.failed(source.url(), reason);
    }

    private static FeedState succeeded(FeedState before, FetchResult r, Instant started, FeedStatus status,
                                       long added) {
        String etag = r.etag() != null ? r.etag() : before.etag();
        String lastModified = r.lastModified() != null ? r.lastModified() : before.lastModified();
        return new FeedState(before.feedUrl(), etag, lastModified, started, status.label(), null, null,
                before.articlesIndexed() + added, 0);
    }

    private FeedState planned(FeedSource source, FeedState state, PollHints hints) {
        Instant next = planner.nextPoll(source, state, hints, clock.instant());
        return new FeedState(state.feedUrl(), state.etag(), state.lastModified(), state.lastPoll(),
                state.lastOutcome(), state.lastReason(), next, state.articlesIndexed(), state.consecutiveFailures());
    }

    private void commit(List<StoredArticle> articles, FeedState state, boolean dryRun) {
        if (dryRun) {
            return;
        }
        synchronized (writeLock) {
            try {
                for (StoredArticle a : articles) {
                    index.upsert(a);
                }
                index.feedStates().put(state);
                index.commit();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot write the index for " + state.feedUrl(), e);
            }
        }
    }

    private static List<FeedItem> newestFirst(List<FeedItem> items) {
        List<FeedItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(FeedItem::published, Comparator.nullsLast(Comparator.reverseOrder())));
        return sorted;
    }
}
