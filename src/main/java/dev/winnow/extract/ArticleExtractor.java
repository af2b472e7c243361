package dev.winnow.extract;

import dev.winnow.article.Block;
import dev.winnow.article.BlockType;
import dev.winnow.article.Removal;
import dev.winnow.text.TextDecoder;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Extracts the article from one fetched HTML page: the body as ordered one-line {@link Block}s, the
 * metadata (JSON-LD, then meta tags, microdata and the DOM), and every structural line it dropped with
 * the reason. Pages without an article (index pages, empty or script-only pages) come back with a
 * {@link ExtractedArticle#notArticleReason()} instead of a body; a short article (a sentence or more) is
 * still one.
 *
 * <p>The headline is the article's {@link ExtractedArticle#title()}, and the body does not repeat it: the
 * page's {@code <h1>} inside the body, or a line that reads as the title, is dropped with reason "title".
 *
 * <p>Thread-safe and reusable: it holds only its settings. Never throws on bad HTML; oversized pages are
 * cut at {@link ExtractSettings#maxHtmlBytes()} and hostile nesting is ignored past
 * {@link ExtractSettings#maxDepth()}.
 */
public final class ArticleExtractor {
    /** An index page lists many headlines: below this much text a page is not called one. */
    private static final int LIST_PAGE_LETTERS = 1000;

    private final ExtractSettings settings;

    public ArticleExtractor(ExtractSettings settings) {
        this.settings = settings;
    }

    public ExtractedArticle extract(PageInput page) {
        byte[] bytes = page.body();
        int length = (int) Math.min(bytes.length, settings.maxHtmlBytes());
        if (length == 0) {
            return noArticle(new PageMetadata(), List.of(), "empty page");
        }
        String url = page.url() == null ? "" : page.url();
        try {
            Document doc = parse(bytes, length, TextDecoder.detect(bytes, length, page.contentType()), url);
            return extract(doc, measure(doc));
        } catch (RuntimeException | StackOverflowError e) {
            // jsoup is lenient, so this is a bug or a pathological page: report it as data, not a crash.
            return noArticle(new PageMetadata(), List.of(), "unreadable page: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The page is decoded while jsoup parses it, straight from its bytes ({@link PageReader}): cheaper than
     * building the whole page as a String first. Script and style bodies are left out before the parse, which
     * then reads half the bytes of a script-heavy page.
     */
    private static Document parse(byte[] bytes, int length, TextDecoder.Detected cs, String url) {
        return PageParser.parse(ScriptBodies.without(bytes, cs.skip(), length, cs.charset()), length - cs.skip(), url);
    }

    /** The measuring pass, with the metadata scan riding along it (the head is walked on its own). */
    private record Measured(MetadataReader.Scan scan, JunkRules rules, DomStats stats) {
    }

    private Measured measure(Document doc) {
        MetadataReader.Scan scan = new MetadataReader.Scan();
        NodeTraversor.traverse(scan, doc.head());
        JunkRules rules = new JunkRules();
        return new Measured(scan, rules, DomStats.measure(doc.body(), settings, rules, scan));
    }

    private ExtractedArticle extract(Document doc, Measured m) {
        Element body = doc.body();
        DomStats stats = m.stats();
        JunkRules rules = m.rules();
        MetadataReader.Scan scan = m.scan();
        PageMetadata md = MetadataReader.read(doc, scan);
        if (stats.bodyText() == 0) {
            String reason = stats.cut() ? "no text within the depth and element caps"
                    : doc.select("script").isEmpty() ? "empty page" : "script-only page";
            return fromJsonLdOrNothing(md, reason);
        }
        ContentFinder finder = new ContentFinder(stats, settings, rules);
        Element headline = Headline.find(scan.headings, md.title);
        List<Element> roots = finder.find(body, headline);
        if (roots.isEmpty()) {
            return fromJsonLdOrNothing(md, "no article text");
        }
        if (isListPage(roots, stats)) {
            return noArticle(md, List.of(), "list page");
        }
        BlockWriter writer = new BlockWriter(stats, finder, settings);
        writer.write(roots);
        List<Removal> removed = new ArrayList<>(writer.removed());
        LineFilter filter = new LineFilter(md, settings);
        List<Block> blocks = filter.apply(writer.lines(), removed);
        if (!hasLetters(blocks, settings.minArticleChars())) {
            ExtractedArticle fallback = fromJsonLd(md, removed);
            return fallback != null ? fallback : noArticle(md, removed, "too little text");
        }
        List<String> header = HeaderLines.find(headline, stats, filter::isHeaderLine);
        return article(md, header, withoutHeader(blocks, header), removed);
    }

    /** The body without header lines at its start: the header is shown once, under the headline. */
    private static List<Block> withoutHeader(List<Block> blocks, List<String> header) {
        int start = 0;
        while (start < blocks.size() && start < header.size() && header.contains(blocks.get(start).text())) {
            start++;
        }
        return start == 0 ? blocks : blocks.subList(start, blocks.size());
    }

    /**
     * An index page: a link-heavy body made of teasers, many linked headings each followed by a line or
     * two. Link density alone does not make one: a link-heavy article (a weekly round-up, a post citing
     * its sources) is still prose, and menus and link lists are dropped when the body is written. Boxes
     * already marked as junk (related links, a sidebar inside the body's box) are not part of the body
     * and so are not counted.
     */
    private boolean isListPage(List<Element> roots, DomStats stats) {
        TeaserCount count = new TeaserCount(stats);
        for (Element r : roots) {
            NodeTraversor.filter(count, r);
        }
        if (count.text < LIST_PAGE_LETTERS || (double) count.links / count.text <= settings.listPageLinkDensity()) {
            return false; // a short page with a few links is judged on its text
        }
        return !count.longParagraph && count.linkedHeadings >= 5 && count.linkedHeadings * 2 >= count.paragraphs;
    }

    /**
     * Text, links, paragraphs and linked headings of the body, junk boxes left out; a long paragraph is
     * looked for everywhere (an article whose body a paywall box hides still shows it is one).
     */
    private static final class TeaserCount implements NodeFilter {
        private final DomStats stats;
        long text;
        long links;
        int paragraphs;
        int linkedHeadings;
        /** A paragraph no teaser is as long as: an article with a list of links in it. */
        boolean longParagraph;
        /** Open junk boxes around the current element. */
        private int junkDepth;

        TeaserCount(DomStats stats) {
            this.stats = stats;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            NodeStats s = stats.get(e);
            if (s == null) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (depth == 0) {
                text += s.text;
                links += s.linkText;
            }
            if (s.junk != null) {
                if (junkDepth == 0 && depth > 0) {
                    text -= s.text;
                    links -= s.linkText;
                }
                junkDepth++;
            }
            String tag = e.normalName();
            if (tag.equals("p")) {
                longParagraph |= s.inlineText - s.inlineLink >= BlockWriter.ARTICLE_PARAGRAPH_LETTERS;
                paragraphs += junkDepth == 0 ? 1 : 0;
            } else if (junkDepth == 0 && (tag.equals("h2") || tag.equals("h3") || tag.equals("h4")) && s.text > 0
                    && s.linkText * 2 > s.text) {
                linkedHeadings++;
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
                NodeStats s = stats.get(e);
                if (s != null && s.junk != null) {
                    junkDepth--;
                }
            }
            return FilterResult.CONTINUE;
        }
    }

    /**
     * Whether the body, captions included (on a photo post they are the text), has at least {@code min}
     * letters. Stops counting once it has: the first paragraphs of an article are enough.
     */
    private static boolean hasLetters(List<Block> blocks, int min) {
        int n = 0;
        for (Block b : blocks) {
            if (n >= min) {
                return true;
            }
            n += Html.letters(b.text());
        }
        return n >= min;
    }

    private ExtractedArticle fromJsonLdOrNothing(PageMetadata md, String reason) {
        ExtractedArticle a = fromJsonLd(md, List.of());
        return a != null ? a : noArticle(md, List.of(), reason);
    }

    /** Pages that render their text with scripts often still ship it in JSON-LD {@code articleBody}. */
    private ExtractedArticle fromJsonLd(PageMetadata md, List<Removal> removed) {
        if (md.articleBody == null || Html.letters(md.articleBody) < settings.minArticleChars()) {
            return null;
        }
        List<Block> blocks = new ArrayList<>();
        for (String line : md.articleBody.split("\\s*\\n\\s*")) {
            String t = line.strip();
            if (!t.isEmpty()) {
                blocks.add(Block.paragraph(t.replaceAll("\\s+", " ")));
            }
        }
        return article(md, List.of(), blocks, removed);
    }

    private static ExtractedArticle article(PageMetadata md, List<String> header, List<Block> blocks,
            List<Removal> removed) {
        return new ExtractedArticle(md.title, md.authors, md.published, md.modified, md.lang, md.canonicalUrl,
                md.siteName, md.section, md.description, md.imageUrl, header, blocks, removed, null);
    }

    private static ExtractedArticle noArticle(PageMetadata md, List<Removal> removed, String reason) {
        return new ExtractedArticle(md.title, md.authors, md.published, md.modified, md.lang, md.canonicalUrl,
                md.siteName, md.section, md.description, md.imageUrl, List.of(), List.of(), removed, reason);
    }
}
