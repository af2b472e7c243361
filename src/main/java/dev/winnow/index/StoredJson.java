package dev.winnow.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.article.Removal;
import dev.winnow.article.StoredArticle;
import dev.winnow.state.FailedItem;
import dev.winnow.state.FeedState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored form of articles and feed states: one JSON object each, from which the record is rebuilt
 * exactly (removed lines with stage, reason, score and signals included).
 */
public final class StoredJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StoredJson() {
    }

    public static byte[] article(StoredArticle a) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("url", a.url());
        putNullable(o, "guid", a.guid());
        putNullable(o, "feedUrl", a.feedUrl());
        o.put("title", a.title());
        strings(o.putArray("authors"), a.authors());
        putInstant(o, "published", a.published());
        putInstant(o, "fetched", a.fetched());
        putNullable(o, "lang", a.lang());
        putNullable(o, "site", a.site());
        putNullable(o, "description", a.description());
        strings(o.putArray("paragraphs"), a.paragraphs());
        ArrayNode removed = o.putArray("removed");
        for (Removal r : a.removed()) {
            ObjectNode n = removed.addObject();
            n.put("text", r.text());
            n.put("stage", r.stage());
            n.put("reason", r.reason());
            n.put("score", r.score());
            ObjectNode signals = n.putObject("signals");
            r.signals().forEach(signals::put);
            n.put("index", r.index());
        }
        putNullable(o, "contentHash", a.contentHash());
        return write(o);
    }

    public static StoredArticle article(byte[] json) {
        JsonNode o = read(json);
        List<Removal> removed = new ArrayList<>();
        for (JsonNode n : o.path("removed")) {
            Map<String, Double> signals = new LinkedHashMap<>();
            n.path("signals").fields().forEachRemaining(e -> signals.put(e.getKey(), e.getValue().asDouble()));
            removed.add(new Removal(n.path("text").asText(), n.path("stage").asText(), n.path("reason").asText(),
                    n.path("score").asDouble(), signals, n.path("index").asInt(-1)));
        }
        return new StoredArticle(text(o, "url"), text(o, "guid"), text(o, "feedUrl"), text(o, "title"),
                strings(o.path("authors")), instant(o, "published"), instant(o, "fetched"), text(o, "lang"),
                text(o, "site"), text(o, "description"), strings(o.path("paragraphs")), removed,
                text(o, "contentHash"));
    }

    public static byte[] feedState(FeedState s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("feedUrl", s.feedUrl());
        putNullable(o, "etag", s.etag());
        putNullable(o, "lastModified", s.lastModified());
        putInstant(o, "lastPoll", s.lastPoll());
        putNullable(o, "lastOutcome", s.lastOutcome());
        putNullable(o, "lastReason", s.lastReason());
        putInstant(o, "nextPoll", s.nextPoll());
        o.put("articlesIndexed", s.articlesIndexed());
        o.put("consecutiveFailures", s.consecutiveFailures());
        ArrayNode failed = o.putArray("failedItems");
        for (FailedItem f : s.failedItems()) {
            ObjectNode n = failed.addObject();
            n.put("url", f.url());
            putNullable(n, "reason", f.reason());
            n.put("attempts", f.attempts());
            putInstant(n, "retryAt", f.retryAt());
        }
        return write(o);
    }

    public static FeedState feedState(byte[] json) {
        JsonNode o = read(json);
        return new FeedState(text(o, "feedUrl"), text(o, "etag"), text(o, "lastModified"), instant(o, "lastPoll"),
                text(o, "lastOutcome"), text(o, "lastReason"), instant(o, "nextPoll"),
                o.path("articlesIndexed").asLong(), o.path("consecutiveFailures").asInt(), failedItems(o.path("failedItems")));
    }

    private static List<FailedItem> failedItems(JsonNode array) {
        List<FailedItem> out = new ArrayList<>(array.size());
        for (JsonNode n : array) {
            out.add(new FailedItem(text(n, "url"), text(n, "reason"), n.path("attempts").asInt(), instant(n, "retryAt")));
        }
        return out;
    }

    private static void putNullable(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    private static void putInstant(ObjectNode o, String key, Instant value) {
        if (value != null) {
            o.put(key, value.toString());
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>(array.size());
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String text(JsonNode o, String key) {
        JsonNode n = o.get(key);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Instant instant(JsonNode o, String key) {
        String s = text(o, key);
        return s == null ? null : Instant.parse(s);
    }

    private static byte[] write(ObjectNode o) {
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt stored record", e);
        }
    }
}
