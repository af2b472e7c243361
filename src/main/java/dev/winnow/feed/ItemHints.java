package dev.winnow.feed;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * What Rome's model loses and winnow needs, read from the same text in document order: each item's
 * effective {@code xml:base} (resolved through its ancestors) and its raw date string, for the dates
 * Rome's masks cannot read. Used only when the document has xml:base or some item lacks a date.
 */
final class ItemHints {
    private static final String DATE_TAGS = "pubDate, pubdate, dc|date, published, updated, issued, modified, created, dcterms|modified";

    /** One item's hints; either may be null. */
    record Hint(String base, String rawDate) {
    }

    private ItemHints() {
    }

    static List<Hint> of(String xml, String documentUrl) {
        Document d = Jsoup.parse(xml, "", Parser.xmlParser());
        List<Hint> hints = new ArrayList<>();
        for (Element item : d.select("item, entry")) {
            Element date = item.selectFirst(DATE_TAGS);
            hints.add(new Hint(base(item, documentUrl), date == null ? null : date.text()));
        }
        return hints;
    }

    /** The effective xml:base of {@code e}: its ancestors' xml:base attributes resolved in turn. */
    static String base(Element e, String documentUrl) {
        List<String> chain = new ArrayList<>();
        for (Element x = e; x != null; x = x.parent()) {
            if (x.hasAttr("xml:base")) {
                chain.add(0, x.attr("xml:base"));
            }
        }
        String base = documentUrl;
        for (String b : chain) {
            String resolved = PlainText.absolute(b, base);
            base = resolved != null ? resolved : base;
        }
        return base;
    }
}
