package dev.winnow.feed;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and mends the root element of a feed before Rome sees it: what feedparser accepts because it
 * does not insist on structure. An {@code <rss>} without version gets 2.0, without {@code <channel>}
 * gets one; a stray default namespace on {@code <rss>} is dropped; a {@code <feed>} without namespace
 * gets Atom's; namespace prefixes used but never declared are declared on the root; a feed embedded in
 * a page (an XHTML wrapper) is cut out of it.
 */
final class FeedRoot {
    private static final Pattern TAG = Pattern.compile("<([A-Za-z_][\\w:.-]*)([^>]*)>");
    private static final Pattern PREFIX = Pattern.compile("[<\\s/]([A-Za-z_][\\w.-]*):[A-Za-z_]");
    private static final Set<String> FEED_ROOTS = Set.of("rss", "rdf", "feed", "channel");
    private static final Map<String, String> KNOWN_NAMESPACES = Map.ofEntries(
            Map.entry("content", "http://purl.org/rss/1.0/modules/content/"),
            Map.entry("dc", "http://purl.org/dc/elements/1.1/"),
            Map.entry("dcterms", "http://purl.org/dc/terms/"),
            Map.entry("atom", "http://www.w3.org/2005/Atom"),
            Map.entry("media", "http://search.yahoo.com/mrss/"),
            Map.entry("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
            Map.entry("sy", "http://purl.org/rss/1.0/modules/syndication/"),
            Map.entry("slash", "http://purl.org/rss/1.0/modules/slash/"),
            Map.entry("wfw", "http://wellformedweb.org/CommentAPI/"),
            Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"));

    private FeedRoot() {
    }

    /** The root element's qualified name, skipping comments and processing instructions; null if none. */
    static String name(String xml) {
        Matcher m = rootTag(xml);
        return m == null ? null : m.group(1);
    }

    static boolean isFeedRoot(String name) {
        String local = name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
        return FEED_ROOTS.contains(local);
    }

    /** A feed element inside a non-feed document (an XHTML page wrapping an Atom feed), or null. */
    static String embeddedFeed(String xml) {
        for (String root : new String[] {"feed", "rss", "rdf:RDF"}) {
            Matcher open = Pattern.compile("<" + Pattern.quote(root) + "[\\s>]").matcher(xml);
            int close = xml.lastIndexOf("</" + root + ">");
            if (open.find() && close > open.start()) {
                return xml.substring(open.start(), close + root.length() + 3);
            }
        }
        return null;
    }

    static String mend(String xml) {
        Matcher m = rootTag(xml);
        if (m == null) {
            return xml;
        }
        String root = m.group(1);
        String attrs = m.group(2);
        boolean selfClosing = attrs.endsWith("/");
        String body = xml.substring(m.end());
        int close = body.lastIndexOf("</" + root + ">");
        if (close >= 0) { // whatever trails the root (a broken comment, a second document) is not the feed
            body = body.substring(0, close + root.length() + 3);
        }
        if (root.equals("rss")) {
            attrs = attrs.replaceAll("\\sxmlns\\s*=\\s*(\"[^\"]*\"|'[^']*')", "");
            if (!attrs.contains("version=")) {
                attrs += " version=\"2.0\"";
            }
            if (!selfClosing && !xml.contains("<channel")) {
                int end = body.lastIndexOf("</rss>");
                body = end < 0 ? body : "<channel>" + body.substring(0, end) + "</channel>" + body.substring(end);
            }
        } else if (root.equals("feed") && !attrs.contains("xmlns=")) {
            attrs += attrs.contains("version=\"0.3\"")
                    ? " xmlns=\"http://purl.org/atom/ns#\"" : " xmlns=\"http://www.w3.org/2005/Atom\"";
        }
        attrs += undeclaredPrefixes(xml);
        return xml.substring(0, m.start()) + "<" + root + attrs + ">" + body;
    }

    /** Declarations for prefixes the document uses without declaring them anywhere. */
    private static String undeclaredPrefixes(String xml) {
        Set<String> used = new LinkedHashSet<>();
        Matcher p = PREFIX.matcher(xml);
        while (p.find()) {
            used.add(p.group(1));
        }
        StringBuilder decl = new StringBuilder();
        for (String prefix : used) {
            if (prefix.equals("xml") || prefix.equals("xmlns") || xml.contains("xmlns:" + prefix + "=")
                    || xml.contains("xmlns:" + prefix + " =")) {
                continue;
            }
            String uri = KNOWN_NAMESPACES.getOrDefault(prefix, "urn:x-undeclared:" + prefix);
            decl.append(" xmlns:").append(prefix).append("=\"").append(uri).append('"');
        }
        return decl.toString();
    }

    private static Matcher rootTag(String xml) {
        int i = 0;
        while (true) {
            int lt = xml.indexOf('<', i);
            if (lt < 0 || lt + 1 >= xml.length()) {
                return null;
            }
            char c = xml.charAt(lt + 1);
            if (c == '?' || c == '!') {
                int end = xml.startsWith("<!--", lt) ? xml.indexOf("-->", lt) : xml.indexOf('>', lt);
                if (end < 0) {
                    return null;
                }
                i = end + 1;
                continue;
            }
            Matcher m = TAG.matcher(xml);
            return m.find(lt) && m.start() == lt ? m : null;
        }
    }
}
