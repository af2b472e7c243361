package dev.winnow.index;

import dev.winnow.article.StoredArticle;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Articles written since the writer's searcher was last refreshed. Lookups consult these first, so a
 * writer reads its own writes without refreshing (which would flush a tiny segment per article).
 *
 * <p>Two generations: new writes go to the current one; {@link #rotate()} sets it aside while a refresh
 * runs, so writers keep going during the refresh and lookups still find the set-aside articles until
 * {@link #dropRotated} says the refreshed searcher holds them.
 */
final class StagedWrites {
    private volatile Generation current = new Generation();
    private volatile Generation rotated = new Generation();

    /** One generation of staged articles, indexed the three ways lookups need. */
    private static final class Generation {
        final Map<String, StoredArticle> byUrl = new ConcurrentHashMap<>();
        final Map<String, String> urlByGuid = new ConcurrentHashMap<>();
        final Map<String, Set<String>> urlsByTitleKey = new ConcurrentHashMap<>();

        Optional<StoredArticle> byGuid(String guid) {
            String url = urlByGuid.get(guid);
            return url == null ? Optional.empty() : Optional.ofNullable(byUrl.get(url));
        }

        boolean hasTitle(String titleKey, String excludeUrl) {
            Set<String> urls = urlsByTitleKey.get(titleKey);
            return urls != null && urls.stream().anyMatch(u -> !u.equals(excludeUrl));
        }
    }

    void add(StoredArticle a, String titleKey) {
        Generation g = current;
        g.byUrl.put(a.url(), a);
        if (a.guid() != null && !a.guid().isBlank()) {
            g.urlByGuid.put(a.guid(), a.url());
        }
        if (!titleKey.isEmpty()) {
            g.urlsByTitleKey.computeIfAbsent(titleKey, k -> ConcurrentHashMap.newKeySet()).add(a.url());
        }
    }

    Optional<StoredArticle> get(String url) {
        StoredArticle a = current.byUrl.get(url);
        return Optional.ofNullable(a != null ? a : rotated.byUrl.get(url));
    }

    Optional<StoredArticle> byGuid(String guid) {
        Optional<StoredArticle> a = current.byGuid(guid);
        return a.isPresent() ? a : rotated.byGuid(guid);
    }

    boolean hasTitle(String titleKey, String excludeUrl) {
        return current.hasTitle(titleKey, excludeUrl) || rotated.hasTitle(titleKey, excludeUrl);
    }

    /** Articles in the current generation. */
    int size() {
        return current.byUrl.size();
    }

    /**
     * Sets the current generation aside and starts a new one. Returns the set-aside generation, or null
     * (and does nothing) while an earlier one has not been dropped yet. Callers must exclude concurrent
     * {@link #add}s.
     */
    synchronized Object rotate() {
        if (!rotated.byUrl.isEmpty()) {
            return null;
        }
        rotated = current;
        current = new Generation();
        return rotated;
    }

    /**
     * Forgets a set-aside generation once a refreshed searcher holds its articles; nothing when it is no
     * longer the set-aside one (a commit cleared it and another may have been set aside since).
     */
    synchronized void dropRotated(Object generation) {
        if (rotated == generation) {
            rotated = new Generation();
        }
    }

    /** Forgets everything, once a refreshed searcher holds every article staged so far. */
    synchronized void clear() {
        current = new Generation();
        rotated = new Generation();
    }
}
