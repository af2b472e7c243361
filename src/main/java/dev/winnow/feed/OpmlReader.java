package dev.winnow.feed;

import dev.winnow.text.TextDecoder;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the subscription list from OPML 1.0/2.0: every {@code <outline>} with an {@code xmlUrl}, at any
 * depth of folders, with the per-feed attributes {@code title}/{@code text}, {@code winnowInterval}
 * ({@code 15m}, {@code 2h}, …) and {@code language}. Salvages what is unambiguous (bare {@code &},
 * HTML entities, a missing version, a lying charset); a file that is no OPML is a
 * {@link FeedParseException} naming the problem.
 */
public final class OpmlReader {
    private static final Pattern INTERVAL = Pattern.compile(
            "(\\d{1,9})\\s*(ms|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)");

    /** What one OPML file holds: the head title, the usable feeds, and the outlines that were skipped. */
    public record OpmlDocument(String title, List<FeedSource> feeds, List<String> skipped) {
        public OpmlDocument {
            feeds = List.copyOf(feeds);
            skipped = List.copyOf(skipped);
        }
    }

    public List<FeedSource> read(Path file) throws FeedParseException {
        return readDocument(file).feeds();
    }

    public List<FeedSource> read(byte[] bytes) throws FeedParseException {
        return readDocument(bytes).feeds();
    }

    public OpmlDocument readDocument(Path file) throws FeedParseException {
        try {
            return readDocument(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new FeedParseException("cannot read OPML file " + file + ": " + e.getMessage(), e);
        }
    }

    public OpmlDocument readDocument(byte[] bytes) throws FeedParseException {
        Element root = parseOpml(bytes).getDocumentElement();
        Element body = child(root, "body");
        Element head = child(root, "head");
        Element titleEl = head == null ? null : child(head, "title");
        String title = titleEl == null ? null : collapse(titleEl.getTextContent());
        Map<String, FeedSource> feeds = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        collect(body, feeds, skipped);
        if (feeds.isEmpty() && !skipped.isEmpty()) {
            throw new FeedParseException("OPML lists no usable feed: " + skipped.get(0)
                    + (skipped.size() > 1 ? " (and " + (skipped.size() - 1) + " more)" : ""));
        }
        return new OpmlDocument(title, List.copyOf(feeds.values()), skipped);
    }

    /**
     * The DOM of an OPML file, salvaged as for reading, checked to have an {@code <opml>} root with a
     * {@code <body>}; {@link OpmlEditor} edits it in place.
     */
    static Document parseOpml(byte[] bytes) throws FeedParseException {
        if (bytes == null || bytes.length == 0) {
            throw new FeedParseException("OPML file is empty");
        }
        Document doc = parse(XmlSalvage.repair(TextDecoder.decode(bytes, null).text()));
        Element root = doc.getDocumentElement();
        if (!root.getTagName().equalsIgnoreCase("opml")) {
            throw new FeedParseException("not OPML: the root element is <" + root.getTagName() + ">, not <opml>");
        }
        if (child(root, "body") == null) {
            throw new FeedParseException("OPML has no <body> element, so it lists no feeds");
        }
        return doc;
    }

    private static void collect(Element parent, Map<String, FeedSource> feeds, List<String> skipped) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || !e.getTagName().equalsIgnoreCase("outline")) {
                continue;
            }
            String xmlUrl = attribute(e, "xmlUrl");
            if (xmlUrl != null) {
                FeedSource f = source(e, xmlUrl.strip(), skipped);
                if (f != null) {
                    feeds.putIfAbsent(f.url(), f);
                }
            }
            collect(e, feeds, skipped);
        }
    }

    private static FeedSource source(Element e, String url, List<String> skipped) {
        String title = collapse(attribute(e, "title"));
        if (title == null) {
            title = collapse(attribute(e, "text"));
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://")) || url.length() < 10) {
            skipped.add("outline '" + (title == null ? "" : title) + "' has xmlUrl '" + url
                    + "', which is not an http(s) URL");
            return null;
        }
        Duration interval = null;
        String rawInterval = attribute(e, "winnowInterval");
        if (rawInterval != null) {
            interval = duration(rawInterval);
            if (interval == null) {
                skipped.add("feed " + url + ": winnowInterval '" + rawInterval
                        + "' is not a duration such as 15m or 2h (default interval used)");
            }
        }
        String lang = attribute(e, "language");
        return new FeedSource(url, title, interval, lang == null || lang.isBlank() ? null : lang.strip());
    }

    /**
     * Reads {@code 15m}, {@code 90s}, {@code 2h}, {@code 1d}, the same with words ({@code 15 min},
     * {@code 2 hours}) or ISO-8601 ({@code PT15M}); null when it is none of these or not positive.
     */
    static Duration duration(String raw) {
        String v = raw.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("p")) {
            try {
                Duration d = Duration.parse(v.toUpperCase(Locale.ROOT));
                return d.isNegative() || d.isZero() ? null : d;
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
        Matcher m = INTERVAL.matcher(v);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2);
        if (unit.equals("ms")) {
            return Duration.ofMillis(n);
        }
        return Duration.ofSeconds(n * switch (unit.charAt(0)) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            default -> 86400;
        });
    }

    /** Attribute values are already plain text once XML has decoded them; only whitespace is tidied. */
    private static String collapse(String s) {
        return s == null || s.isBlank() ? null : s.replaceAll("\\s+", " ").strip();
    }

    /** Attribute by name, ignoring case: exporters write xmlUrl, xmlurl and XMLURL. */
    static String attribute(Element e, String name) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            if (a.getNodeName().equalsIgnoreCase(name)) {
                return a.getNodeValue();
            }
        }
        return null;
    }

    static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equalsIgnoreCase(name)) {
                return e;
            }
        }
        return null;
    }

    private static Document parse(String xml) throws FeedParseException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new FeedParseException("OPML is not well-formed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new FeedParseException("OPML cannot be parsed: " + e.getMessage(), e);
        }
    }
}
