package dev.winnow.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.article.Removal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code winnow clean --jsonl FILE} batch interface: reads one article per line,
 * {@code {"id", "title", "paragraphs": [...], "lang"?}} (other fields ignored), and writes one line per
 * article, {@code {"id", "lang", "removed": [indices], "reasons": [...], "details": [...]}}, reasons
 * aligned with removed, details giving each removal's score and signals; with kept scores on
 * ({@code --scores}), also {@code "kept": [...]}, each kept line's index, score, signals and the guard that
 * kept it if it scored above the threshold.
 *
 * <p>The whole file is the batch: its articles' document frequencies join the base statistics and each
 * article's siblings are the other articles' titles. A malformed line is reported with its line number in
 * the {@link Summary} and skipped; the other lines are still cleaned.
 */
public final class JsonlBatchCleaner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OffTopicFilter filter;
    private final boolean keptScores;

    public JsonlBatchCleaner(OffTopicFilter filter) {
        this(filter, false);
    }

    /** A cleaner that, with {@code keptScores}, also writes each kept line's score and signals. */
    public JsonlBatchCleaner(OffTopicFilter filter, boolean keptScores) {
        this.filter = Objects.requireNonNull(filter, "filter");
        this.keptScores = keptScores;
    }

    /** What a run did: articles cleaned, lines removed, malformed input lines, time spent filtering. */
    public record Summary(int articles, int linesRemoved, List<String> errors, long filterNanos) {
        public Summary {
            errors = List.copyOf(errors);
        }
    }

    /** Cleans every article of {@code in}, writing one result line each to {@code out}. */
    public Summary run(Reader in, Writer out, CorpusStats base) throws IOException {
        List<String> errors = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<FilterInput> batch = new ArrayList<>();
        BufferedReader r = new BufferedReader(in);
        int lineNo = 0;
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                String id = requiredText(node, "id");
                batch.add(parse(node, id));
                ids.add(id);
            } catch (JsonProcessingException e) {
                errors.add("line " + lineNo + ": not valid JSON: " + e.getOriginalMessage());
            } catch (IllegalArgumentException e) {
                errors.add("line " + lineNo + ": " + e.getMessage());
            }
        }
        // The other articles' titles reach the filter as known titles of the batch statistics (each article's
        // id is its URL there, so its own title is excluded), rather than as a sibling list per article,
        // which would make a large file quadratic.
        CorpusStats stats = BatchCorpusStats.of(base, batch);
        int removed = 0;
        long nanos = 0;
        for (int i = 0; i < batch.size(); i++) {
            FilterInput input = batch.get(i);
            long t0 = System.nanoTime();
            FilterResult result = filter.filter(input, stats);
            nanos += System.nanoTime() - t0;
            removed += result.removals().size();
            ObjectNode line = toJson(ids.get(i), result);
            if (keptScores) {
                line.set("kept", kept(filter.assess(input, stats)));
            }
            out.write(JSON.writeValueAsString(line));
            out.write('\n');
        }
        out.flush();
        return new Summary(batch.size(), removed, errors, nanos);
    }

    private static FilterInput parse(JsonNode node, String id) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        JsonNode paragraphs = node.get("paragraphs");
        if (paragraphs == null || !paragraphs.isArray()) {
            throw new IllegalArgumentException("article " + id + ": \"paragraphs\" must be an array of strings");
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode p : paragraphs) {
            if (!p.isTextual()) {
                throw new IllegalArgumentException("article " + id + ": paragraph " + lines.size() + " is not a string");
            }
            lines.add(p.asText());
        }
        JsonNode title = node.get("title");
        JsonNode lang = node.get("lang");
        return new FilterInput(id, title != null && title.isTextual() ? title.asText() : "", lines,
                lang != null && lang.isTextual() ? lang.asText() : null, List.of());
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return v.asText();
    }

    private static ObjectNode toJson(String id, FilterResult result) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("lang", result.lang());
        ArrayNode removed = o.putArray("removed");
        ArrayNode reasons = o.putArray("reasons");
        ArrayNode details = o.putArray("details");
        result.removals().stream().sorted((a, b) -> Integer.compare(a.index(), b.index())).forEach(rm -> {
            removed.add(rm.index());
            reasons.add(rm.reason());
            details.add(detail(rm));
        });
        return o;
    }

    private static ObjectNode detail(Removal rm) {
        ObjectNode d = JSON.createObjectNode();
        d.put("index", rm.index());
        d.put("reason", rm.reason());
        d.put("score", rounded(rm.score()));
        putSignals(d, rm.signals());
        return d;
    }

    /** The kept lines' verdicts, in line order: index, score, the guard that kept a high scorer, signals. */
    private static ArrayNode kept(List<LineVerdict> verdicts) {
        ArrayNode kept = JSON.createArrayNode();
        for (LineVerdict v : verdicts) {
            if (v.removed()) {
                continue;
            }
            ObjectNode k = kept.addObject();
            k.put("index", v.index());
            k.put("score", rounded(v.score()));
            if (v.guard() != null) {
                k.put("guard", v.guard());
            }
            putSignals(k, v.signals());
        }
        return kept;
    }

    private static void putSignals(ObjectNode o, java.util.Map<String, Double> values) {
        ObjectNode signals = o.putObject("signals");
        LineSignals.NAMES.forEach(n -> {
            Double v = values.get(n);
            if (v != null) {
                signals.put(n, rounded(v));
            }
        });
    }

    private static double rounded(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
