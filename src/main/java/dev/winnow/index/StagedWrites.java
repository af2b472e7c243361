package dev.winnow.index;

import dev.winnow.article.StoredArticle;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Articles written since the writer's searcher was last refreshed. Lookups consult these first, so a
 * writer reads its own writes without refreshing (which would flush a tiny segment per article).
 * Cleared each time the searcher is refreshed, after which the searcher itself holds them.
 */
final class StagedWrites {
    private final Map<String, StoredArticle> byUrl = new ConcurrentHashMap<>();
    private final Map<String, String> urlByGuid = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> urlsByTitleKey = new ConcurrentHashMap<>();

    void add(StoredArticle a, String titleKey) {
        byUrl.put(a.url(), a);
        if (a.guid() != null && !a.guid().isBlank()) {
            urlByGuid.put(a.guid(), a.url());
        }
        if (!titleKey.isEmpty()) {
            urlsByTitleKey.computeIfAbsent(titleKey, k -> ConcurrentHashMap.newKeySet()).add(a.url());
        }
    }

    Optional<StoredArticle> get(String url) {
        return Optional.ofNullable(byUrl.get(url));
    }

    Optional<StoredArticle> byGuid(String guid) {
        String url = urlByGuid.get(guid);
        return url == null ? Optional.empty() : get(url);
    }

    boolean hasTitle(String titleKey, String excludeUrl) {
        Set<String> urls = urlsByTitleKey.get(titleKey);
        return urls != null && urls.stream().anyMatch(u -> !u.equals(excludeUrl));
    }

    int size() {
        return byUrl.size();
    }

    void clear() {
        byUrl.clear();
        urlByGuid.clear();
        urlsByTitleKey.clear();
    }
}
