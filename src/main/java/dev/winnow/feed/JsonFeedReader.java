package dev.winnow.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.text.Dates;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) with Jackson, and RSS written as JSON
 * (the {@code {"rss": {"channel": {"item": [...]}}}} form some blogging tools publish).
 */
final class JsonFeedReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FeedSettings settings;

    JsonFeedReader(FeedSettings settings) {
        this.settings = settings;
    }

    ParsedFeed read(byte[] body, String url) throws FeedParseException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String what = e.getOriginalMessage().startsWith("Unexpected end-of-input") ? "truncated JSON" : "invalid JSON";
            throw new FeedParseException(what + " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new FeedParseException("unreadable JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new FeedParseException("not a JSON Feed: the document is not a JSON object");
        }
        if (root.path("rss").path("channel").isObject()) {
            return readRssInJson(root.path("rss"), url);
        }
        String version = text(root, "version");
        if ((version == null || !version.contains("jsonfeed.org")) && !root.path("items").isArray()) {
            throw new FeedParseException("not a JSON Feed: no jsonfeed.org version and no items array");
        }
        String feedUrl = firstNonNull(text(root, "feed_url"), url);
        String home = PlainText.absolute(text(root, "home_page_url"), feedUrl);
        String base = url != null && url.startsWith("http") ? url : firstNonNull(feedUrl, home);
        List<FeedItem> items = new ArrayList<>();
        for (JsonNode it : root.path("items")) {
            if (items.size() >= settings.maxItems()) {
                break;
            }
            if (it.isObject()) {
                items.add(item(it, base));
            }
        }
        String format = version != null && version.endsWith("/1") ? "json_1.0" : "json_1.1";
        return new ParsedFeed(format, PlainText.of(text(root, "title")), home, text(root, "language"), null, items);
    }

    /** RSS 2.0 elements as JSON members: channel title/link/language, items with title, link, guid, pubDate. */
    private ParsedFeed readRssInJson(JsonNode rss, String url) {
        JsonNode channel = rss.path("channel");
        String home = PlainText.absolute(text(channel, "link"), url);
        String base = url != null && url.startsWith("http") ? url : home;
        JsonNode entries = channel.path("item");
        List<FeedItem> items = new ArrayList<>();
        for (JsonNode it : entries.isArray() ? entries : List.of(entries)) {
            if (items.size() >= settings.maxItems()) {
                break;
            }
            if (it.isObject()) {
                String link = PlainText.absolute(text(it, "link"), base);
                String guid = text(it, "guid");
                String description = text(it, "description");
                items.add(new FeedItem(guid != null ? guid : link, link, PlainText.of(text(it, "title")),
                        List.of(), Dates.parse(text(it, "pubDate")), PlainText.of(description),
                        PlainText.safeHtml(description, link != null ? link : base), List.of()));
            }
        }
        return new ParsedFeed("rss_json", PlainText.of(text(channel, "title")), home, text(channel, "language"),
                null, items);
    }

    private static FeedItem item(JsonNode it, String base) {
        String link = PlainText.absolute(firstNonNull(text(it, "url"), text(it, "external_url")), base);
        String id = text(it, "id");
        if (id == null && it.path("id").isNumber()) {
            id = it.path("id").asText();
        }
        String html = text(it, "content_html");
        String summary = PlainText.of(firstNonNull(text(it, "summary"), text(it, "content_text")));
        Set<String> authors = new LinkedHashSet<>();
        for (JsonNode a : it.path("authors")) {
            addName(authors, a);
        }
        addName(authors, it.path("author"));
        List<String> tags = new ArrayList<>();
        for (JsonNode t : it.path("tags")) {
            if (t.isTextual() && !t.asText().isBlank()) {
                tags.add(t.asText().strip());
            }
        }
        return new FeedItem(id != null ? id : link, link, PlainText.of(text(it, "title")), List.copyOf(authors),
                Dates.parse(firstNonNull(text(it, "date_published"), text(it, "date_modified"))),
                summary, PlainText.safeHtml(html, link != null ? link : base), tags);
    }

    private static void addName(Set<String> authors, JsonNode a) {
        String name = PlainText.of(text(a, "name"));
        if (name != null) {
            authors.add(name);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
