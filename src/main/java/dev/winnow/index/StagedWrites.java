package dev.winnow.index;

import dev.winnow.article.StoredArticle;
import dev.winnow.article.TitleKeys;
import java.util.ArrayList;
import java.util.List;
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
    /** A staged article's near-duplicate signature and the cluster it joined. */
    record Signed(String url, int[] signature, String cluster) {
    }

    private final Map<String, StoredArticle> byUrl = new ConcurrentHashMap<>();
    private final Map<String, String> urlByGuid = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> urlsByTitleKey = new ConcurrentHashMap<>();
    private final Map<String, List<Signed>> byBand = new ConcurrentHashMap<>();

    void add(StoredArticle a, int[] signature, String cluster) {
        byUrl.put(a.url(), a);
        if (a.guid() != null && !a.guid().isBlank()) {
            urlByGuid.put(a.guid(), a.url());
        }
        String key = TitleKeys.of(a.title());
        if (!key.isEmpty()) {
            urlsByTitleKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(a.url());
        }
        if (signature != null) {
            Signed s = new Signed(a.url(), signature, cluster);
            for (String band : MinHash.bandKeys(signature)) {
                byBand.computeIfAbsent(band, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(s);
            }
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

    /** Staged articles sharing at least one band with the signature. */
    List<Signed> candidates(List<String> bands) {
        List<Signed> out = new ArrayList<>();
        for (String band : bands) {
            List<Signed> hits = byBand.get(band);
            if (hits != null) {
                out.addAll(hits);
            }
        }
        return out;
    }

    int size() {
        return byUrl.size();
    }

    void clear() {
        byUrl.clear();
        urlByGuid.clear();
        urlsByTitleKey.clear();
        byBand.clear();
    }
}
