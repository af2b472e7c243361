package dev.winnow.extract;

import dev.winnow.article.BlockType;
import dev.winnow.article.Removal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Turns the chosen body elements into one-line blocks in reading order, typed by the element that holds
 * them (heading, list item, quote, caption…). Junk boxes inside the body, and containers made mostly of
 * links, are not written but recorded as removals with their reason.
 */
final class BlockWriter {
    private static final int MAX_REMOVAL_CHARS = 1000;
    private static final int PROSE_COMMAS = 3;
    /** Unlinked letters of one paragraph that no teaser or link list reaches. */
    static final int ARTICLE_PARAGRAPH_LETTERS = 300;
    /** A short article's longest paragraph still has this many letters. */
    private static final int SHORT_ARTICLE_PARAGRAPH_LETTERS = 120;

    /** A line before the wording filters, with the measures they need. */
    record Line(BlockType type, String text, int letters, int linkLetters, boolean topHeading) {
        double linkDensity() {
            return letters == 0 ? 0 : (double) linkLetters / letters;
        }
    }

    private final DomStats stats;
    private final ContentFinder finder;
    private final ExtractSettings settings;
    private final List<Line> lines = new ArrayList<>();
    private final List<Removal> removed = new ArrayList<>();
    /** Unlinked letters of the body's longest paragraph. */
    private int bodyLongest;

    BlockWriter(DomStats stats, ContentFinder finder, ExtractSettings settings) {
        this.stats = stats;
        this.finder = finder;
        this.settings = settings;
    }

    List<Line> lines() {
        return lines;
    }

    List<Removal> removed() {
        return removed;
    }

    void write(List<Element> roots) {
        for (Element root : roots) {
            NodeStats s = stats.get(root);
            bodyLongest = Math.max(bodyLongest, s == null ? 0 : s.longestProse);
        }
        for (Element root : roots) {
            NodeTraversor.filter(new Writer(), root);
        }
    }

    private void remove(Element e, String reason, double score, Map<String, Double> signals) {
        String text = e.text();
        if (text.isEmpty()) {
            return;
        }
        if (text.length() > MAX_REMOVAL_CHARS) {
            text = text.substring(0, MAX_REMOVAL_CHARS) + "…";
        }
        removed.add(new Removal(text, "extract", reason, score, signals, lines.size()));
    }

    private final class Writer implements NodeFilter {
        private final StringBuilder buf = new StringBuilder();
        private final Deque<BlockType> types = new ArrayDeque<>();
        private int letters;
        private int linkLetters;
        private int linkDepth;
        private int h1Depth;

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                append(t.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            NodeStats s = stats.get(e);
            if (s == null) {
                return FilterResult.SKIP_ENTIRELY;
            }
            String reason = s.junk;
            if (reason != null) {
                flush();
                remove(e, reason, 1.0, Map.of());
                return FilterResult.SKIP_ENTIRELY;
            }
            if (isLinkDenseContainer(e, s)) {
                flush();
                remove(e, "link-dense", s.linkDensity(), Map.of("linkDensity", s.linkDensity()));
                return FilterResult.SKIP_ENTIRELY;
            }
            String tag = e.normalName();
            if (Html.isLink(e)) {
                linkDepth++;
            } else if (tag.equals("h1")) {
                h1Depth++;
            }
            if (isCell(tag)) {
                // A table row reads as one line, its cells separated by spaces.
                append(" ");
            } else if (s.block) {
                flush();
                types.push(typeOf(e, tag, types.isEmpty() ? BlockType.PARAGRAPH : types.peek()));
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
                if (Html.isLink(e)) {
                    linkDepth--;
                }
                if (Html.isBlock(e) && !isCell(e.normalName())) {
                    flush();
                    if (e.normalName().equals("h1")) {
                        h1Depth--;
                    }
                    if (!types.isEmpty()) {
                        types.pop();
                    }
                }
            }
            if (depth == 0) {
                flush();
            }
            return FilterResult.CONTINUE;
        }

        private void append(String text) {
            int n = 0;
            int run = 0; // start of the characters not yet copied: copied in runs, not one by one
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c > ' ' && c < 0x80) {
                    n++; // printable ASCII, most of any page
                    continue;
                }
                if (Html.isVisible(c)) {
                    n++;
                }
                if (c == ' ' && i > run && text.charAt(i - 1) != ' ') {
                    continue; // one space after a word stays in the run: copied with it, not on its own
                }
                if (isCollapsed(c)) {
                    buf.append(text, run, i);
                    if (buf.length() > 0 && buf.charAt(buf.length() - 1) != ' ') {
                        buf.append(' ');
                    }
                    // The rest of a run of spaces (padding, indentation) in one go, not an append apiece.
                    while (i + 1 < text.length() && isCollapsed(text.charAt(i + 1))) {
                        i++;
                        if (Html.isVisible(text.charAt(i))) {
                            n++; // a zero-width space: collapsed, yet counted as the measuring pass counts it
                        }
                    }
                    run = i + 1;
                }
                // any other character (a control character too) is kept as it was
            }
            buf.append(text, run, text.length());
            letters += n;
            if (linkDepth > 0) {
                linkLetters += n;
            }
        }

        /** A character written as (part of) one space. */
        private static boolean isCollapsed(char c) {
            return c == ' ' || Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b';
        }

        private void flush() {
            int end = buf.length();
            if (end > 0 && buf.charAt(end - 1) == ' ') {
                end--;
            }
            if (letters > 0 && end > 0) {
                String text = buf.substring(0, end);
                BlockType type = types.isEmpty() ? BlockType.PARAGRAPH : types.peek();
                lines.add(new Line(type, text, letters, linkLetters, h1Depth > 0));
            }
            buf.setLength(0);
            letters = 0;
            linkLetters = 0;
        }
    }

    private static boolean isCell(String tag) {
        return tag.equals("td") || tag.equals("th");
    }

    private boolean isLinkDenseContainer(Element e, NodeStats s) {
        String tag = e.normalName();
        boolean container = switch (tag) {
            case "div", "section", "ul", "ol", "dl", "table", "aside", "figure", "header", "menu" -> true;
            default -> false;
        };
        int article = Math.max(SHORT_ARTICLE_PARAGRAPH_LETTERS, Math.min(ARTICLE_PARAGRAPH_LETTERS, bodyLongest));
        if (!container || s.text == 0 || s.longestProse >= article) {
            // A box holding a paragraph longer than any teaser is not a link list, however many links
            // surround it: the link lists inside it are judged on their own.
            return false;
        }
        double ld = s.linkDensity();
        // Prose with many inline links still reads as sentences: commas set it apart from link lists.
        return ld > settings.maxLinkDensity() && (s.commas < PROSE_COMMAS || ld > 0.75);
    }

    private BlockType typeOf(Element e, String tag, BlockType inherited) {
        if (Html.isHeading(tag)) {
            return BlockType.HEADING;
        }
        switch (tag) {
            case "li", "dt", "dd":
                return inherited == BlockType.QUOTE ? BlockType.QUOTE : BlockType.LIST_ITEM;
            case "blockquote":
                return BlockType.QUOTE;
            case "figcaption", "caption":
                return BlockType.CAPTION;
            case "pre":
                return BlockType.PREFORMATTED;
            default:
                break;
        }
        if (inherited == BlockType.CAPTION || inherited == BlockType.QUOTE || inherited == BlockType.PREFORMATTED) {
            return inherited;
        }
        if (finder.rules().cues(e).caption()) {
            return BlockType.CAPTION;
        }
        return inherited == BlockType.HEADING || inherited == BlockType.LIST_ITEM ? inherited : BlockType.PARAGRAPH;
    }
}
