package dev.winnow.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.article.Removal;
import dev.winnow.article.StoredArticle;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** JSON output of the commands: one shared mapper and the shapes scripts rely on. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String line(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String instant(Instant t) {
        return t == null ? null : t.toString();
    }

    static ArrayNode removals(List<Removal> removed) {
        ArrayNode arr = MAPPER.createArrayNode();
        for (Removal r : removed) {
            ObjectNode o = arr.addObject();
            o.put("text", r.text());
            o.put("stage", r.stage());
            o.put("reason", r.reason());
            o.put("score", round(r.score()));
            if (r.index() >= 0) {
                o.put("index", r.index());
            }
            ObjectNode signals = o.putObject("signals");
            for (Map.Entry<String, Double> s : r.signals().entrySet()) {
                signals.put(s.getKey(), round(s.getValue()));
            }
        }
        return arr;
    }

    /** The export shape: url, title, feed, published, lang, text, removed[{text, reason, score}] and more. */
    static ObjectNode article(StoredArticle a) {
        ObjectNode o = object();
        o.put("url", a.url());
        o.put("title", a.title());
        o.put("feed", a.feedUrl());
        o.put("published", instant(a.published()));
        o.put("fetched", instant(a.fetched()));
        o.put("lang", a.lang());
        o.put("site", a.site());
        o.put("guid", a.guid());
        ArrayNode authors = o.putArray("authors");
        a.authors().forEach(authors::add);
        o.put("description", a.description());
        o.put("text", a.text());
        o.set("removed", removals(a.removed()));
        return o;
    }

    static double round(double v) {
        return Math.round(v * 10000.0) / 10000.0;
    }
}
