package dev.winnow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.filter.FilterInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The off-topic benchmark's cases (one JSON object a line: id, title, paragraphs, lang, labels, kinds), as
 * read by {@link OffTopicBench} and {@link OffTopicFit}: the same selection of halves for both, so a fit on
 * one half is checked on exactly the other.
 */
final class OffTopicCases {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OffTopicCases() {
    }

    /**
     * The shared data folder: {@code ../shared} from the working directory, else {@code /work/shared} (where a
     * worktree one level deeper finds it).
     */
    static Path sharedDir() {
        Path relative = Path.of("../shared");
        return Files.isDirectory(relative) || !Files.isDirectory(Path.of("/work/shared")) ? relative
                : Path.of("/work/shared");
    }

    /** The dev cases' file. */
    static Path devCases() {
        return sharedDir().resolve("bench/offtopic/dev.jsonl");
    }

    /** The non-blank case lines; with {@code half} "even" or "odd", only every other one (0-based). */
    static List<String> select(List<String> all, String half) {
        if (half != null && !half.equals("even") && !half.equals("odd")) {
            throw new IllegalArgumentException("--half must be even or odd, not " + half);
        }
        List<String> out = new ArrayList<>();
        int k = 0;
        for (String l : all) {
            if (l.isBlank()) {
                continue;
            }
            if (half == null || (k % 2 == 0) == half.equals("even")) {
                out.add(l);
            }
            k++;
        }
        return out;
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("bad case line: " + e.getMessage(), e);
        }
    }

    /**
     * A case as one JSON line, in the benchmark's format: {@code kinds} holds, per line, the kind of an injected
     * line ("headline", "lede", "promo"…) or null for the article's own, from which the labels follow.
     */
    static String json(String id, String lang, String title, List<String> lines, List<String> kinds, String source) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", id);
        n.put("lang", lang);
        n.put("title", title);
        ArrayNode paragraphs = n.putArray("paragraphs");
        lines.forEach(paragraphs::add);
        ArrayNode labels = n.putArray("labels");
        ArrayNode kindsOut = n.putArray("kinds");
        for (String k : kinds) {
            labels.add(k == null ? 0 : 1);
            if (k == null) {
                kindsOut.addNull();
            } else {
                kindsOut.add(k);
            }
        }
        n.put("source", source);
        return n.toString();
    }

    /** The filter's input for a case. */
    static FilterInput input(JsonNode n) {
        List<String> paragraphs = new ArrayList<>();
        n.get("paragraphs").forEach(x -> paragraphs.add(x.asText()));
        return new FilterInput(n.get("id").asText(), n.path("title").asText(""), paragraphs,
                n.path("lang").asText(null), List.of());
    }
}
