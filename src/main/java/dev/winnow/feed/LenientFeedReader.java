package dev.winnow.feed;

import dev.winnow.text.Dates;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The fallback for documents Rome cannot map: reads every {@code item} or {@code entry} element wherever
 * it sits in a tree jsoup built leniently (items left inside an unclosed element, an Atom feed using
 * {@code <item>}, CDF's upper-case {@code <ITEM HREF>}, Atom 0.3 base64 content), by local names only,
 * as feedparser does. Only items with a link, title, id, summary or content are kept.
 */
final class LenientFeedReader {
    private static final Set<String> ITEM = Set.of("item", "entry");
    private static final String[] DATES = {"pubdate", "date", "published", "updated", "issued", "modified", "created"};

    private final FeedSettings settings;

    LenientFeedReader(FeedSettings settings) {
        this.settings = settings;
    }

    /**
     * The items found in {@code tree}, possibly none.
     *
     * @param wellFormed whether the document parsed as it is: then every item is kept, as its author wrote it;
     *                   from a broken document only items with a link, title, id, text or child elements survive
     */
    ParsedFeed read(Document tree, String url, boolean wellFormed) {
        Element root = tree.children().first();
        if (root == null) {
            return new ParsedFeed("unknown_lenient", null, null, null, null, List.of());
        }
        Element channel = "channel".equals(local(root)) ? root : child(root, "channel");
        Element head = channel != null ? channel : root;
        String feedLink = PlainText.absolute(link(head), url);
        String base = url != null && url.startsWith("http") ? url : feedLink;
        List<FeedItem> items = new ArrayList<>();
        for (Element e : items(root)) {
            if (items.size() >= settings.maxItems()) {
                break;
            }
            FeedItem item = item(e, ItemHints.base(e, base));
            // From a broken document an item needs news in it or at least elements of its own: a bare
            // <item> is salvage debris, but one whose title was cut off mid-CDATA was really written.
            if (wellFormed || item.isNews() || !e.children().isEmpty()) {
                items.add(item);
            }
        }
        String lang = text(head, "language");
        return new ParsedFeed(local(root) + "_lenient", PlainText.of(text(head, "title")), feedLink,
                lang != null ? lang : blankToNull(root.attr("xml:lang")), null, items);
    }

    /** Item elements in document order, an item nested in another (an illegal nesting) counted once. */
    private static List<Element> items(Element root) {
        List<Element> found = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (ITEM.contains(local(e)) && !insideItem(e)) {
                found.add(e);
            }
        }
        return found;
    }

    private static boolean insideItem(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (ITEM.contains(local(p))) {
                return true;
            }
        }
        return false;
    }

    private static FeedItem item(Element e, String base) {
        String link = PlainText.absolute(link(e), base);
        String guid = firstNonNull(text(e, "guid"), text(e, "id"));
        String summary = PlainText.of(firstNonNull(text(e, "description"), text(e, "summary"), text(e, "abstract")));
        String content = PlainText.safeHtml(content(e), link != null ? link : base);
        String rawDate = null;
        for (String name : DATES) {
            rawDate = rawDate != null ? rawDate : text(e, name);
        }
        if (rawDate == null) {
            rawDate = blankToNull(e.attr("lastmod")); // CDF
        }
        Set<String> authors = new LinkedHashSet<>();
        Set<String> categories = new LinkedHashSet<>();
        for (Element c : e.children()) {
            switch (local(c)) {
                case "author", "creator" -> add(authors, c.selectFirst("> name") != null ? c.selectFirst("> name").text() : c.text());
                case "category", "subject" -> add(categories, c.hasAttr("term") ? c.attr("term") : c.text());
                default -> { }
            }
        }
        return new FeedItem(guid != null ? guid : link, link, PlainText.of(text(e, "title")), List.copyOf(authors),
                Dates.parse(rawDate), summary, content, List.copyOf(categories));
    }

    /** Atom's alternate {@code <link href>}, RSS's {@code <link>} text, CDF's {@code HREF}, a permalink guid. */
    private static String link(Element e) {
        String text = null;
        for (Element c : e.children()) {
            if (!"link".equals(local(c))) {
                continue;
            }
            String rel = c.attr("rel");
            if (c.hasAttr("href") && (rel.isEmpty() || rel.equals("alternate"))) {
                return c.attr("href");
            }
            text = text != null ? text : blankToNull(c.text());
        }
        if (text != null) {
            return text;
        }
        if (e.hasAttr("href")) {
            return e.attr("href");
        }
        Element guid = child(e, "guid");
        if (guid != null && !"false".equalsIgnoreCase(guid.attr("isPermaLink")) && guid.text().startsWith("http")) {
            return guid.text();
        }
        return null;
    }

    private static String content(Element e) {
        for (Element c : e.children()) {
            String name = local(c);
            if (!name.equals("encoded") && !name.equals("content") && !name.equals("body")) {
                continue;
            }
            if ("base64".equalsIgnoreCase(c.attr("mode"))) {
                try {
                    return new String(Base64.getMimeDecoder().decode(c.text().strip()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException notBase64) {
                    continue;
                }
            }
            String html = name.equals("body") || "xhtml".equals(c.attr("type")) || "xml".equals(c.attr("mode"))
                    ? c.html() : c.text();
            if (!html.isBlank()) {
                return html;
            }
        }
        return null;
    }

    private static String local(Element e) {
        String n = e.normalName();
        return n.substring(n.indexOf(':') + 1).toLowerCase(Locale.ROOT);
    }

    private static Element child(Element e, String localName) {
        for (Element c : e.children()) {
            if (local(c).equals(localName)) {
                return c;
            }
        }
        return null;
    }

    private static String text(Element e, String localName) {
        Element c = child(e, localName);
        return c == null ? null : blankToNull(c.text());
    }

    private static void add(Set<String> names, String raw) {
        String s = PlainText.of(raw);
        if (s != null) {
            names.add(s);
        }
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
