package dev.winnow.pipeline;

import dev.winnow.article.StoredArticle;
import dev.winnow.extract.ArticleExtractor;
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
import dev.winnow.state.FailedItem;
import dev.winnow.state.FeedState;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
    private static final String DEFERRED = "deferred";
    private static final String RETRY_LATER = "retry-later";
    private static final String STOPPED = "stopped: shutting down; polled again at the next start";

    private final HttpFetcher fetcher;
    private final FeedParser parser;
    private final ArticlePages pages;
    private final CleaningStage cleaning;
    private final ArticleIndex index;
    private final PollPlanner planner;
    private final PipelineSettings settings;
    private final Clock clock;
    // One feed's upserts, state and commit go together, so concurrent polls never interleave them.
    private final Object writeLock = new Object();
    private volatile boolean stopping;

    public FeedPoller(HttpFetcher fetcher, FeedParser parser, ArticleExtractor extractor, CleaningStage cleaning,
                      ArticleIndex index, PollPlanner planner, PipelineSettings settings, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher);
        this.parser = Objects.requireNonNull(parser);
        this.pages = new ArticlePages(fetcher, Objects.requireNonNull(extractor), settings.articleThreads(),
                () -> stopping);
        this.cleaning = Objects.requireNonNull(cleaning);
        this.index = Objects.requireNonNull(index);
        this.planner = Objects.requireNonNull(planner);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Makes polls in flight end soon: no more article pages are fetched, and a poll not yet stored is
     * left uncommitted, so its feed is polled again at the next start exactly as if this one never ran.
     */
    public void stop() {
        stopping = true;
    }

    /** Polls the feed once. With {@code dryRun} everything happens except writing the index. */
    public FeedReport poll(FeedSource source, boolean dryRun, ProgressListener progress) {
        if (stopping) {
            return FeedReport.failed(source.url(), STOPPED);
        }
        FeedState before = index.feedStates().get(source.url()).orElse(FeedState.initial(source.url()));
        Instant started = clock.instant();
        // A failed article due for a retry needs the feed's items, so ask for the whole feed, not for a 304.
        boolean retryDue = before.failedItems().stream().anyMatch(f -> !f.retryAt().isAfter(started));
        FetchResult fetched;
        try {
            fetched = fetcher.fetch(retryDue ? FetchRequest.feed(source.url(), null, null)
                    : FetchRequest.feed(source.url(), before.etag(), before.lastModified()));
        } catch (FetchException e) {
            LOG.info("feed {} failed: {}", source.url(), e.getMessage());
            PollHints hints = new PollHints(null, null, e.retryAfter(), List.of());
            return finishFailed(source, before, started, e.reason() + ": " + e.getMessage(), hints, dryRun);
        }
        if (fetched.notModified()) {
            FeedState after = succeeded(before, fetched, started, FeedStatus.NOT_MODIFIED, 0)
                    .withFailedItems(before.failedItems());
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
        Set<String> planned = new HashSet<>();
        Map<String, FailedItem> failedBefore = byUrl(before.failedItems());
        boolean deferred = false;
        for (FeedItem item : items) {
            ItemReport early = triage(item, planned, failedBefore, started);
            deferred |= early != null && early.reason() != null && early.reason().startsWith(DEFERRED);
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
        if (stopping) {
            return FeedReport.failed(source.url(), STOPPED);
        }
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
        // With items left for the next poll, keep the old validators: a 304 must not hide them.
        FeedState after = succeeded(before, deferred ? withoutValidators(fetched) : fetched, started, FeedStatus.OK, added)
                .withFailedItems(failedItems(reports.values(), failedBefore, clock.instant()));
        List<Instant> dates = feed.items().stream().map(FeedItem::published).filter(Objects::nonNull).toList();
        commit(toStore, planned(source, after, new PollHints(feed.ttl(), fetched.maxAge(), null, dates)), dryRun);
        return new FeedReport(source.url(), FeedStatus.OK, null, new ArrayList<>(reports.values()));
    }

    /**
     * Decides without a fetch what it can: a link-less item or a second listing of one article is skipped,
     * a known unchanged article needs nothing, a failed one waits out its backoff, and beyond the per-poll
     * cap items wait for the next poll. Returns null for an item to fetch, whose URL then joins {@code planned}.
     */
    private ItemReport triage(FeedItem item, Set<String> planned, Map<String, FailedItem> failed, Instant now) {
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
        if (planned.contains(url)) {
            return new ItemReport(url, item.title(), ItemStatus.SKIPPED, "duplicate: the feed lists this article twice", 0);
        }
        FailedItem waiting = failed.get(url);
        if (waiting != null && waiting.retryAt().isAfter(now)) {
            return new ItemReport(url, item.title(), ItemStatus.SKIPPED, RETRY_LATER + ": failed " + waiting.attempts()
                    + "× (" + waiting.reason() + "), next try after " + waiting.retryAt(), 0);
        }
        if (planned.size() >= settings.maxArticlesPerPoll()) {
            return new ItemReport(url, item.title(), ItemStatus.SKIPPED, DEFERRED + ": per-poll article cap reached", 0);
        }
        planned.add(url);
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
        List<Candidate> out = new ArrayList<>();
        List<Object> results = pages.fetchAll(items, lang);
        for (int i = 0; i < items.size(); i++) {
            if (results.get(i) instanceof Candidate c) {
                out.add(c);
            } else {
                ItemReport r = (ItemReport) results.get(i);
                reports.put(items.get(i), r);
                progress.itemDone(source.url(), r);
            }
        }
        return out;
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

    /**
     * The articles to retry after this poll: each that failed now, backed off by its number of attempts
     * (given up after the configured number), and each still waiting out an earlier backoff. An article
     * stored, skipped or no longer listed by the feed is forgotten.
     */
    private List<FailedItem> failedItems(Iterable<ItemReport> reports, Map<String, FailedItem> before, Instant now) {
        Map<String, FailedItem> out = new LinkedHashMap<>();
        for (ItemReport r : reports) {
            if (r.url() == null) {
                continue;
            }
            FailedItem prior = before.get(r.url());
            if (r.status() == ItemStatus.FAILED) {
                int attempts = prior == null ? 1 : prior.attempts() + 1;
                if (attempts > settings.itemRetries()) {
                    LOG.info("giving up on {} after {} failed attempts: {}", r.url(), attempts, r.reason());
                    continue;
                }
                out.putIfAbsent(r.url(), new FailedItem(r.url(), r.reason(), attempts, now.plus(settings.retryDelay(attempts))));
            } else if (prior != null && r.status() == ItemStatus.SKIPPED && r.reason() != null
                    && (r.reason().startsWith(RETRY_LATER) || r.reason().startsWith(DEFERRED))) {
                out.putIfAbsent(r.url(), prior);
            }
        }
        return List.copyOf(out.values());
    }

    private static Map<String, FailedItem> byUrl(List<FailedItem> items) {
        Map<String, FailedItem> out = new HashMap<>();
        items.forEach(f -> out.put(f.url(), f));
        return out;
    }

    private FeedReport finishFailed(FeedSource source, FeedState before, Instant started, String reason,
                                    PollHints hints, boolean dryRun) {
        FeedState after = new FeedState(before.feedUrl(), before.etag(), before.lastModified(), started,
                FeedStatus.FAILED.label(), reason, null, before.articlesIndexed(), before.consecutiveFailures() + 1,
                before.failedItems());
        commit(List.of(), planned(source, after, hints), dryRun);
        return FeedReport.failed(source.url(), reason);
    }

    private static FetchResult withoutValidators(FetchResult r) {
        return new FetchResult(r.status(), r.requestedUrl(), r.finalUrl(), r.body(), r.contentType(), null, null,
                r.maxAge());
    }

    private static FeedState succeeded(FeedState before, FetchResult r, Instant started, FeedStatus status,
                                       long added) {
        String etag = r.etag() != null ? r.etag() : before.etag();
        String lastModified = r.lastModified() != null ? r.lastModified() : before.lastModified();
        return new FeedState(before.feedUrl(), etag, lastModified, started, status.label(), null, null,
                before.articlesIndexed() + added, 0);
    }

    private FeedState planned(FeedSource source, FeedState state, PollHints hints) {
        return state.withNextPoll(planner.nextPoll(source, state, hints, clock.instant()));
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
                // Nothing of this poll is stored (the index discards it): its feed is polled again as if new.
                throw new java.io.UncheckedIOException(e.getMessage(), e);
            }
        }
        revisit();
    }

    /**
     * Stores again the earlier articles this poll's lines gave new evidence against, without the lines they
     * lose, in a commit of their own: the poll is stored already, and a failure here loses only the revisit.
     * They are judged outside the write lock, so other polls' stores do not wait for it; one that a poll
     * stored anew meanwhile (a later fetch of the page) keeps that copy.
     */
    private void revisit() {
        try {
            List<StoredArticle> changed = cleaning.revisit(index);
            if (changed.isEmpty()) {
                return;
            }
            List<String> updated = new ArrayList<>();
            synchronized (writeLock) {
                for (StoredArticle a : changed) {
                    Optional<StoredArticle> now = index.get(a.url());
                    if (now.isPresent() && Objects.equals(now.get().fetched(), a.fetched())) {
                        index.upsert(a);
                        updated.add(a.url());
                    }
                }
                if (!updated.isEmpty()) {
                    index.commit();
                }
            }
            if (!updated.isEmpty()) {
                LOG.info("{} stored article(s) lost a line that later articles showed to be another story's: {}",
                        updated.size(), updated);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("looking again at earlier articles failed; they stay as stored: {}", e.toString());
        }
    }

    private static List<FeedItem> newestFirst(List<FeedItem> items) {
        List<FeedItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(FeedItem::published, Comparator.nullsLast(Comparator.reverseOrder())));
        return sorted;
    }
}
