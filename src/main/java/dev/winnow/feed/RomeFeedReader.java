package dev.winnow.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.module.SyModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.WireFeedInput;
import dev.winnow.text.Dates;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Element;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 text with Rome, from a string only (Rome never fetches),
 * DOCTYPEs refused as Rome does by default. The text is first salvaged ({@link XmlSalvage}); if Rome
 * still rejects it, jsoup's lenient XML parser rebuilds a well-formed tree and Rome gets one more try.
 */
final class RomeFeedReader {
    private static final String MRSS = "http://search.yahoo.com/mrss/";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private static final Pattern DATE_TAG = Pattern.compile(
            "<([\\w.-]+:)?(pubDate|date|published|updated|issued|modified|created)[\\s>]", Pattern.CASE_INSENSITIVE);
    private static final Pattern HAS_ITEMS = Pattern.compile("<([\\w.-]+:)?(item|entry)[\\s/>]", Pattern.CASE_INSENSITIVE);

    private final FeedSettings settings;
    private final LenientFeedReader lenient;

    RomeFeedReader(FeedSettings settings) {
        this.settings = settings;
        this.lenient = new LenientFeedReader(settings);
    }

    /**
     * Rome first, on the salvaged text; if Rome rejects it, once more on a tree jsoup rebuilt; if Rome
     * still finds no item in a document that has item elements, the lenient reader maps that tree. A
     * document Rome accepts as it is may be a valid empty feed; one it rejects must salvage usable
     * items, or the first error is the reason.
     */
    ParsedFeed read(String text, String url) throws FeedParseException {
        String xml = prepare(text);
        ParsedFeed wellFormed = null;
        Exception rejected = null;
        try {
            wellFormed = map(build(xml), url, xml, true);
            if (!wellFormed.items().isEmpty() || !HAS_ITEMS.matcher(xml).find()) {
                return wellFormed;
            }
        } catch (FeedException | IllegalArgumentException first) {
            rejected = first;
        }
        Document tree = Jsoup.parse(xml, "", Parser.xmlParser());
        if (rejected != null) {
            String rebuilt = serialize(tree);
            try {
                ParsedFeed salvaged = map(build(rebuilt), url, rebuilt, false);
                if (!salvaged.items().isEmpty()) {
                    return salvaged;
                }
            } catch (FeedException | IllegalArgumentException second) {
                // the first error names the problem better than the rebuilt tree's
            }
        }
        ParsedFeed lenient = this.lenient.read(tree, url, wellFormed != null);
        if (!lenient.items().isEmpty()) {
            return lenient;
        }
        if (wellFormed != null) {
            return wellFormed;
        }
        throw new FeedParseException(describe(rejected), rejected);
    }

    /** Salvaged text with a feed root Rome can take. */
    private static String prepare(String text) throws FeedParseException {
        String xml = XmlSalvage.repair(text);
        String root = FeedRoot.name(xml);
        if (root == null) {
            throw new FeedParseException("not XML: no element found");
        }
        if (!FeedRoot.isFeedRoot(root)) {
            String embedded = FeedRoot.embeddedFeed(xml);
            if (embedded == null) {
                throw new FeedParseException("not a feed: the root element is <" + root + ">"
                        + (root.equalsIgnoreCase("html") ? " (an HTML page)" : ""));
            }
            xml = embedded;
        }
        return FeedRoot.mend(xml);
    }

    private static SyndFeed build(String xml) throws FeedException {
        WireFeedInput input = new WireFeedInput(false, Locale.ROOT);
        input.setAllowDoctypes(false);
        input.setXmlHealerOn(false); // XmlSalvage already did the healing; Rome's healer would be a second pass
        WireFeed wire = input.build(new StringReader(xml));
        return new SyndFeedImpl(wire, true);
    }

    /** jsoup's XML parser closed what was left open; this re-serialises the tree as well-formed XML. */
    private static String serialize(Document d) {
        d.outputSettings().syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml).prettyPrint(false);
        return d.outerHtml();
    }

    static String describe(Exception e) {
        String msg = firstLine(e.getMessage());
        if (e instanceof ParsingFeedException p && p.getLineNumber() > 0) {
            String detail = firstLine(p.getCause() == null ? msg : p.getCause().getMessage())
                    .replaceFirst("^Error on line \\d+( of document [^:]*)?:\\s*", "");
            return "malformed XML: " + detail + " at line " + p.getLineNumber() + ", column " + p.getColumnNumber();
        }
        if (msg.startsWith("Invalid document")) {
            return "not a feed Rome knows (no RSS/Atom structure found)";
        }
        if (msg.startsWith("Invalid XML")) {
            return "feed structure missing or broken (e.g. an empty <rss> without <channel>)";
        }
        return "unreadable feed: " + msg;
    }

    private static String firstLine(String s) {
        return String.valueOf(s).lines().findFirst().orElse("").strip();
    }

    /**
     * @param wellFormed whether Rome read the document as it is: then every item is kept, since its author
     *                   wrote it on purpose (even an empty one); a rebuilt tree keeps only clearly usable items
     */
    private ParsedFeed map(SyndFeed feed, String url, String xml, boolean wellFormed) {
        String feedLink = PlainText.absolute(feed.getLink(), url);
        String base = url != null && url.startsWith("http") ? url : feedLink;
        List<SyndEntry> entries = feed.getEntries();
        List<ItemHints.Hint> hints = needsHints(entries, xml) ? ItemHints.of(xml, base) : List.of();
        boolean aligned = hints.size() == entries.size();
        List<FeedItem> items = new ArrayList<>();
        for (int i = 0; i < entries.size() && items.size() < settings.maxItems(); i++) {
            ItemHints.Hint hint = aligned ? hints.get(i) : new ItemHints.Hint(base, null);
            SyndEntry entry = entries.get(i);
            FeedItem item = item(entry, hint.base() == null ? base : hint.base(), hint.rawDate());
            if (wellFormed || isUsable(item, entry)) {
                items.add(item);
            }
        }
        return new ParsedFeed(feed.getFeedType(), PlainText.of(feed.getTitle()), feedLink,
                blankToNull(feed.getLanguage()), ttl(feed), items);
    }

    /**
     * An item with no link, title, id, summary or content is no news; from a broken document it is
     * debris of the salvage and is dropped. A description that is all markup (an image) still counts.
     */
    private static boolean isUsable(FeedItem i, SyndEntry e) {
        return i.isNews() || e.getDescription() != null && e.getDescription().getValue() != null
                && !e.getDescription().getValue().isBlank();
    }

    /** The hints cost a second parse: only when there is an xml:base, or an undated item and a date to read. */
    private static boolean needsHints(List<SyndEntry> entries, String xml) {
        return xml.contains("xml:base")
                || entries.stream().anyMatch(e -> e.getPublishedDate() == null && e.getUpdatedDate() == null)
                && DATE_TAG.matcher(xml).find();
    }

    private FeedItem item(SyndEntry e, String base, String rawDate) {
        String link = PlainText.absolute(entryLink(e), base);
        String title = PlainText.of(e.getTitle());
        if (title == null) {
            title = PlainText.of(media(e, "title"));
        }
        String summary = e.getDescription() == null ? null : PlainText.of(e.getDescription().getValue());
        if (summary == null) {
            summary = PlainText.of(media(e, "description"));
        }
        String content = null;
        for (SyndContent c : e.getContents()) {
            if (c.getValue() != null && !c.getValue().isBlank()) {
                content = PlainText.safeHtml(c.getValue(), link != null ? link : base);
                break;
            }
        }
        if (content == null) {
            content = xhtmlBody(e, link != null ? link : base);
        }
        String guid = blankToNull(e.getUri());
        Instant published = published(e);
        return new FeedItem(guid != null ? guid.strip() : link, link, title, authors(e),
                published != null ? published : Dates.parse(rawDate),
                summary, content, categories(e));
    }

    private static String entryLink(SyndEntry e) {
        if (e.getLink() != null && !e.getLink().isBlank()) {
            return e.getLink();
        }
        for (SyndLink l : e.getLinks()) {
            if (l.getRel() == null || "alternate".equals(l.getRel())) {
                return l.getHref();
            }
        }
        return null;
    }

    private static List<String> authors(SyndEntry e) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndPerson p : e.getAuthors()) {
            add(names, p.getName() != null ? p.getName() : p.getEmail());
        }
        add(names, e.getAuthor());
        return List.copyOf(names);
    }

    private static List<String> categories(SyndEntry e) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndCategory c : e.getCategories()) {
            add(names, c.getName());
        }
        return List.copyOf(names);
    }

    private static void add(Set<String> names, String raw) {
        String s = PlainText.of(raw);
        if (s != null) {
            names.add(s);
        }
    }

    private static Instant published(SyndEntry e) {
        Date d = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
        if (d != null) {
            return d.toInstant();
        }
        return null;
    }

    /** RSS items may carry their content as an inline {@code <xhtml:body>}, which Rome leaves as foreign markup. */
    private static String xhtmlBody(SyndEntry e, String base) {
        for (Element el : e.getForeignMarkup()) {
            if (XHTML.equals(el.getNamespaceURI()) && el.getName().equals("body")) {
                String html = new XMLOutputter(Format.getRawFormat()).outputString(el.getContent());
                return PlainText.safeHtml(html, base);
            }
        }
        return null;
    }

    private static String media(SyndEntry e, String name) {
        for (Element el : e.getForeignMarkup()) {
            if (MRSS.equals(el.getNamespaceURI())) {
                if (el.getName().equals(name)) {
                    return el.getText();
                }
                for (Element child : el.getChildren(name, el.getNamespace())) {
                    return child.getText();
                }
            }
        }
        return null;
    }

    private static Duration ttl(SyndFeed feed) {
        WireFeed wire = feed.originalWireFeed();
        if (wire instanceof Channel ch && ch.getTtl() > 0) {
            return Duration.ofMinutes(ch.getTtl());
        }
        if (feed.getModule(SyModule.URI) instanceof SyModule sy && sy.getUpdatePeriod() != null) {
            Duration period = switch (sy.getUpdatePeriod()) {
                case "hourly" -> Duration.ofHours(1);
                case "daily" -> Duration.ofDays(1);
                case "weekly" -> Duration.ofDays(7);
                case "monthly" -> Duration.ofDays(30);
                case "yearly" -> Duration.ofDays(365);
                default -> null;
            };
            int freq = Math.max(1, sy.getUpdateFrequency());
            return period == null ? null : period.dividedBy(freq);
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
