package dev.winnow.extract;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.winnow.lang.Languages;
import dev.winnow.text.Dates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads a page's metadata from, in order of trust: JSON-LD (NewsArticle and kin, also inside
 * {@code @graph}), OpenGraph / Twitter / classic meta tags, schema.org microdata, then the DOM
 * ({@code <link rel=canonical>}, {@code <html lang>}, {@code <h1>}, {@code <title>}, {@code <time>}).
 */
final class MetadataReader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();
    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle",
            "askpublicnewsarticle", "blogposting", "liveblogposting", "socialmediaposting", "scholarlyarticle",
            "techarticle", "report", "satiricalarticle", "advertisercontentarticle", "medicalscholarlyarticle",
            "discussionforumposting", "review", "howto", "recipe");
    private static final Set<String> ARTICLE_OG_TYPES = Set.of("article", "news", "blog", "og:article");
    private static final int MAX_JSON_CHARS = 2_000_000;
    // The patterns below are compiled once: String.replaceAll/replaceFirst would compile them on every page.
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern FIRST_WORD = Pattern.compile("^\\s*\\S+\\s+");
    private static final Pattern BY = Pattern.compile("(?i)^by\\s+");
    private static final Pattern LOGO_SEPARATORS = Pattern.compile(
            "^[\\s\\p{Punct}\\p{Pd}»«·|]+|[\\s:|\\p{Pd}»«·]+$");
    private static final Pattern EDGE_SLASHES = Pattern.compile("^/+|/+$");

    /** Headings the headline is looked for among. */
    private static final int MAX_HEADINGS = 20;
    /** A heading shorter than this is a label ("News"), not a headline. */
    private static final int MIN_HEADLINE_CHARS = 8;

    private MetadataReader() {
    }

    /** Reads the metadata of a page, walking it once. */
    static PageMetadata read(Document doc) {
        Scan scan = new Scan();
        NodeTraversor.traverse(scan, doc);
        return read(doc, scan);
    }

    /** Reads the metadata from a scan that has already seen every element of the page. */
    static PageMetadata read(Document doc, Scan scan) {
        PageMetadata md = new PageMetadata();
        // Canonical URL: the link element is the standard's own place, so it goes first.
        if (scan.canonical != null) {
            md.canonicalUrl(scan.canonical.absUrl("href"));
        }
        readJsonLd(scan.jsonLd, md);
        readMeta(scan.meta, md, doc);
        readMicrodata(scan, md);
        readDom(doc, scan, md);
        String title = TitleCleaner.withoutSiteName(md.title, md.siteName);
        if (md.siteName == null && title != null && !title.equals(md.title) && md.title.startsWith(title)) {
            // "Headline | Site": the suffix dropped from the title names the site when nothing else does.
            md.siteName(FIRST_WORD.matcher(md.title.substring(title.length())).replaceFirst(""));
        }
        md.title = title;
        return md;
    }

    // ------------------------------------------------------------------------------------------ JSON-LD

    /** One pass over the page collecting every element the readers need (selectors would each walk it). */
    /**
     * Collects, in one pass, every element the readers need (selectors would each walk the page). It can
     * ride along another traversal: {@link #accept} takes the elements one by one in document order.
     */
    static final class Scan implements NodeVisitor, Consumer<Element> {
        final Map<String, String> meta = new HashMap<>();
        final List<Element> jsonLd = new ArrayList<>();
        final Map<String, Element> itemprops = new HashMap<>();
        final List<Element> authors = new ArrayList<>();
        Element canonical;
        Element h1;
        Element time;
        Element relAuthor;
        Element ogLocale;
        /** The page's first {@code <h1>} to {@code <h3>} elements, in order: where the headline may be. */
        final List<Element> headings = new ArrayList<>();

        private void heading(Element e) {
            if (headings.size() < MAX_HEADINGS) {
                headings.add(e);
            }
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element e) {
                accept(e);
            }
        }

        @Override
        public void accept(Element e) {
            switch (e.normalName()) {
                case "meta" -> meta(e);
                case "script" -> {
                    if (e.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                        jsonLd.add(e);
                    }
                }
                case "link" -> {
                    if (canonical == null && e.attr("rel").equalsIgnoreCase("canonical") && e.hasAttr("href")) {
                        canonical = e;
                    }
                }
                case "h1" -> {
                    h1 = h1 == null ? e : h1;
                    heading(e);
                }
                case "h2", "h3" -> heading(e);
                case "time" -> {
                    if (time == null && e.hasAttr("datetime")) {
                        time = e;
                    }
                }
                default -> {
                }
            }
            if (e.attributesSize() == 0) {
                return;
            }
            if (relAuthor == null && e.attributes().get("rel").equalsIgnoreCase("author")) {
                relAuthor = e;
            }
            String itemprop = e.attributes().get("itemprop");
            if (!itemprop.isEmpty()) {
                if (itemprop.equals("author") && authors.size() < 10) {
                    authors.add(e);
                }
                itemprops.putIfAbsent(itemprop, e);
            }
        }

        private void meta(Element m) {
            if (!m.hasAttr("content")) {
                return;
            }
            String key = m.hasAttr("property") ? m.attr("property") : m.hasAttr("name") ? m.attr("name")
                    : m.hasAttr("itemprop") ? m.attr("itemprop") : m.attr("http-equiv");
            String value = m.attr("content").strip();
            if (!key.isEmpty() && !value.isEmpty()) {
                meta.putIfAbsent(key.toLowerCase(Locale.ROOT), value);
            }
            if (ogLocale == null && key.equals("og:locale")) {
                ogLocale = m;
            }
        }
    }

    private static void readJsonLd(List<Element> scripts, PageMetadata md) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : scripts) {
            String data = script.data().strip();
            if (data.isEmpty() || data.length() > MAX_JSON_CHARS) {
                continue;
            }
            data = data.replace("<!--", "").replace("-->", "").replace("<![CDATA[", "").replace("]]>", "");
            try {
                flatten(JSON.readTree(data), nodes, 0);
            } catch (java.io.IOException | RuntimeException e) {
                // Broken JSON-LD is common; the other sources still apply.
            }
        }
        JsonNode article = null;
        int best = -1;
        for (JsonNode n : nodes) {
            if (isArticle(n)) {
                int weight = n.size() + (n.hasNonNull("articleBody") ? 100 : 0);
                if (weight > best) {
                    best = weight;
                    article = n;
                }
            }
        }
        if (article != null) {
            md.declaredArticle = true;
            fromArticle(article, md);
        }
        for (JsonNode n : nodes) {
            if (hasType(n, "website") || hasType(n, "newsmediaorganization") || hasType(n, "organization")) {
                md.siteName(text(n.get("name")));
            }
        }
        for (JsonNode n : nodes) {
            if (hasType(n, "webpage")) {
                md.title(text(n.get("headline")));
                md.lang(language(text(n.get("inLanguage"))));
            }
        }
    }

    private static void fromArticle(JsonNode a, PageMetadata md) {
        md.title(text(a.get("headline")));
        md.title(text(a.get("name")));
        for (String author : names(a.get("author"))) {
            md.author(author);
        }
        md.published(Dates.parse(text(a.get("datePublished"))));
        md.published(Dates.parse(text(a.get("dateCreated"))));
        md.modified(Dates.parse(text(a.get("dateModified"))));
        md.lang(language(text(a.get("inLanguage"))));
        JsonNode publisher = a.get("publisher");
        if (publisher != null) {
            List<String> pub = names(publisher);
            if (!pub.isEmpty()) {
                md.siteName(pub.get(0));
            }
        }
        md.section(text(a.get("articleSection")));
        md.description(text(a.get("description")));
        md.imageUrl(url(a.get("image")));
        md.imageUrl(url(a.get("thumbnailUrl")));
        md.articleBody(text(a.get("articleBody")));
    }

    private static void flatten(JsonNode n, List<JsonNode> out, int depth) {
        if (n == null || depth > 8) {
            return;
        }
        if (n.isArray()) {
            for (JsonNode c : n) {
                flatten(c, out, depth + 1);
            }
        } else if (n.isObject()) {
            out.add(n);
            flatten(n.get("@graph"), out, depth + 1);
            JsonNode main = n.get("mainEntity");
            if (main != null && main.isObject()) {
                flatten(main, out, depth + 1);
            }
        }
    }

    private static boolean isArticle(JsonNode n) {
        for (String t : types(n)) {
            if (ARTICLE_TYPES.contains(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasType(JsonNode n, String type) {
        return types(n).contains(type);
    }

    private static List<String> types(JsonNode n) {
        JsonNode t = n.get("@type");
        List<String> out = new ArrayList<>(2);
        if (t == null) {
            return out;
        }
        if (t.isArray()) {
            for (JsonNode c : t) {
                out.add(c.asText().toLowerCase(Locale.ROOT));
            }
        } else {
            out.add(t.asText().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** A string value, the first of an array, or an object's name/@value. */
    private static String text(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            return n.isEmpty() ? null : text(n.get(0));
        }
        if (n.isObject()) {
            return text(n.has("name") ? n.get("name") : n.get("@value"));
        }
        return n.asText();
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            for (JsonNode c : n) {
                out.addAll(names(c));
            }
        } else if (n.isObject()) {
            String name = text(n.get("name"));
            if (name != null) {
                out.add(name);
            }
        } else {
            out.add(n.asText());
        }
        return out;
    }

    private static String url(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            return n.isEmpty() ? null : url(n.get(0));
        }
        if (n.isObject()) {
            return url(n.has("url") ? n.get("url") : n.get("contentUrl"));
        }
        return n.asText();
    }

    // ------------------------------------------------------------------------------------------ meta tags

    private static void readMeta(Map<String, String> meta, PageMetadata md, Document doc) {
        String ogType = meta.getOrDefault("og:type", "").toLowerCase(Locale.ROOT);
        if (ARTICLE_OG_TYPES.contains(ogType) || meta.containsKey("article:published_time")) {
            md.declaredArticle = true;
        }
        md.title(meta.get("og:title"));
        md.title(meta.get("twitter:title"));
        for (String key : List.of("article:author", "author", "parsely-author", "sailthru.author", "dc.creator",
                "citation_author", "byl")) {
            String v = meta.get(key);
            if (v != null) {
                md.author(BY.matcher(v).replaceFirst(""));
                break;
            }
        }
        for (String key : List.of("article:published_time", "og:published_time", "article:published",
                "datepublished", "date", "pubdate", "publish-date", "publish_date", "dc.date", "dc.date.issued",
                "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published",
                "originalpublicationdate", "citation_publication_date", "og:pubdate", "publishdate")) {
            md.published(Dates.parse(meta.get(key)));
        }
        for (String key : List.of("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                "last-modified", "article.updated", "lastmod")) {
            md.modified(Dates.parse(meta.get(key)));
        }
        md.lang(language(meta.get("content-language")));
        md.lang(language(meta.get("language")));
        md.lang(language(meta.get("dc.language")));
        md.canonicalUrl(absolute(doc, meta.get("og:url")));
        md.siteName(meta.get("og:site_name"));
        md.siteName(meta.get("application-name"));
        md.section(meta.get("article:section"));
        md.section(meta.get("section"));
        md.description(meta.get("og:description"));
        md.description(meta.get("twitter:description"));
        md.description(meta.get("description"));
        md.imageUrl(absolute(doc, meta.get("og:image")));
        md.imageUrl(absolute(doc, meta.get("og:image:url")));
        md.imageUrl(absolute(doc, meta.get("twitter:image")));
        md.imageUrl(absolute(doc, meta.get("twitter:image:src")));
    }

    // ------------------------------------------------------------------------------------------ microdata

    private static void readMicrodata(Scan scan, PageMetadata md) {
        Element headline = scan.itemprops.get("headline");
        if (headline != null) {
            md.title(itemValue(headline));
        }
        for (Element author : scan.authors) {
            Element name = author.selectFirst("[itemprop=name]");
            md.author(name != null ? itemValue(name) : itemValue(author));
        }
        Element published = scan.itemprops.get("datePublished");
        if (published != null) {
            md.published(Dates.parse(itemValue(published)));
        }
        Element modified = scan.itemprops.get("dateModified");
        if (modified != null) {
            md.modified(Dates.parse(itemValue(modified)));
        }
        Element section = scan.itemprops.get("articleSection");
        if (section != null) {
            md.section(itemValue(section));
        }
    }

    private static String itemValue(Element e) {
        for (String attr : List.of("content", "datetime", "value")) {
            if (e.hasAttr(attr)) {
                return e.attr(attr);
            }
        }
        String t = e.text();
        return t.length() > 300 ? null : t;
    }

    // ------------------------------------------------------------------------------------------ DOM

    /**
     * The headline among the page's first headings: the longest one the {@code <title>} holds. A blog sets its
     * name in the first {@code <h1>} (the logo) and the post's headline in an {@code <h2>} or {@code <h3>}, and its
     * {@code <title>} reads "Site » Headline": a heading that makes up a good part of the title is the headline
     * (the longest such, rather than the site name). Null when the title holds none.
     */
    private static String headlineInTitle(String title, List<Element> headings) {
        String t = fold(title);
        String best = null;
        for (Element h : headings) {
            String text = h.text().strip();
            // A third of the title at least: a short heading inside a long title is the site's name or a label.
            if (text.length() >= MIN_HEADLINE_CHARS && text.length() * 3 >= t.length()
                    && (best == null || text.length() > best.length()) && t.contains(fold(text))) {
                best = text;
            }
        }
        return best;
    }

    /**
     * The {@code <title>} without the site's name, when the first {@code <h1>} is the site's logo: a short
     * heading, a link (to the home page), that the title holds next to the headline ("Blog Name: Headline").
     * Null otherwise.
     */
    private static String withoutLogo(String title, Element h1) {
        String logo = h1.text().strip();
        int at = title.indexOf(logo);
        if (logo.length() < MIN_HEADLINE_CHARS || at < 0 || logo.length() * 3 >= title.strip().length()
                || !isHomeLink(h1)) {
            return null;
        }
        String rest = LOGO_SEPARATORS.matcher(title.substring(0, at) + " " + title.substring(at + logo.length()))
                .replaceAll("");
        return rest.isEmpty() ? null : rest;
    }

    /**
     * The heading is one link to the site's home page: its only child element is an {@code <a href>} whose
     * path has one segment at most ("/", "/blog/"); a headline links to its own page, deeper down.
     */
    private static boolean isHomeLink(Element h) {
        Element a = h.firstElementChild();
        if (a == null || h.childrenSize() != 1 || !a.normalName().equals("a") || !a.hasAttr("href")) {
            return false;
        }
        String href = a.attr("href").strip();
        int scheme = href.indexOf("//");
        int slash = scheme < 0 ? 0 : href.indexOf('/', scheme + 2);
        String path = slash < 0 ? "" : href.substring(slash);
        path = EDGE_SLASHES.matcher(path).replaceAll("");
        return path.indexOf('/') < 0 && path.indexOf('.') < 0 && path.indexOf('?') < 0;
    }

    private static String fold(String s) {
        return SPACES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static void readDom(Document doc, Scan scan, PageMetadata md) {
        Element html = doc.firstElementChild();
        if (html != null) {
            md.lang(language(html.attr("lang")));
            md.lang(language(html.attr("xml:lang")));
        }
        if (scan.ogLocale != null) {
            md.lang(language(scan.ogLocale.attr("content")));
        }
        if (md.title == null) {
            md.title(headlineInTitle(doc.title(), scan.headings));
        }
        if (scan.h1 != null && md.title == null) {
            md.title(withoutLogo(doc.title(), scan.h1));
        }
        if (scan.h1 != null && md.title == null) {
            md.title(scan.h1.text());
        }
        md.title(doc.title());
        if (scan.time != null) {
            md.published(Dates.parse(scan.time.attr("datetime")));
        }
        if (scan.relAuthor != null) {
            md.author(scan.relAuthor.text());
        }
    }

    private static String language(String tag) {
        String code = Languages.normalize(tag);
        return Languages.isKnown(code) ? code : null;
    }

    private static String absolute(Document doc, String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        if (url.startsWith("http://") || url.startsWith("https://")) {
            return url.strip();
        }
        try {
            return java.net.URI.create(doc.location()).resolve(url.strip()).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
