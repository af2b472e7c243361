package dev.winnow.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Measures every element of a page once, bottom-up and without recursion (deep nesting is safe):
 * text length, link text, and the text each block element shows as its own. Elements past the element
 * or depth caps are left unmeasured and so take no part in the extraction.
 */
final class DomStats {
    /**
     * A link holding more text than this is not a link but a broken page (an {@code <a>} left open that
     * swallows the article): its text is measured as plain text.
     */
    static final int SWALLOWING_LINK_LETTERS = 1000;
    /**
     * Sized for a typical page (a few hundred elements; larger ones grow the map): a table sized for
     * thousands cost 64 KB of zeroed memory on every page, whatever its size.
     */
    private final Map<Element, NodeStats> stats = new IdentityHashMap<>(512);
    /** Elements whose tag or attributes suggest junk, in document order. */
    private final List<Element> junkHints = new ArrayList<>();
    /** Block elements that show a paragraph of their own (enough inline text), in document order. */
    private final List<Element> paragraphs = new ArrayList<>();
    private int bodyText;
    private boolean cut;

    private DomStats() {
    }

    static DomStats measure(Element body, ExtractSettings settings, JunkRules rules) {
        return measure(body, settings, rules, e -> { });
    }

    /** Measures, and shows every element (measured or skipped, within the caps) to {@code observer}. */
    static DomStats measure(Element body, ExtractSettings settings, JunkRules rules, Consumer<Element> observer) {
        DomStats ds = new DomStats();
        Measurer m = new Measurer(ds, settings, rules, observer);
        NodeTraversor.filter(m, body);
        m.unwind();
        NodeStats root = ds.stats.get(body);
        ds.bodyText = root == null ? 0 : root.text;
        return ds;
    }

    NodeStats get(Element e) {
        return stats.get(e);
    }

    List<Element> junkHints() {
        return junkHints;
    }

    List<Element> paragraphs() {
        return paragraphs;
    }

    /** Whether part of the page was left out for being past the depth or element caps. */
    boolean cut() {
        return cut;
    }

    int bodyText() {
        return bodyText;
    }

    int elementCount() {
        return stats.size();
    }

    private static final class Measurer implements NodeFilter {
        private final DomStats ds;
        private final ExtractSettings settings;
        private final JunkRules rules;
        private final Consumer<Element> observer;
        private final Deque<NodeStats> open = new ArrayDeque<>();
        private final Deque<NodeStats> blocks = new ArrayDeque<>();
        /** For each open link, outermost first: its block's inline link text when it opened. */
        private int[] linkStarts = new int[8];
        private int linkDepth;

        Measurer(DomStats ds, ExtractSettings settings, JunkRules rules, Consumer<Element> observer) {
            this.ds = ds;
            this.settings = settings;
            this.rules = rules;
            this.observer = observer;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                if (!open.isEmpty()) {
                    addText(t.getWholeText());
                }
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (depth > settings.maxDepth()) {
                ds.cut = true;
                return FilterResult.SKIP_ENTIRELY;
            }
            if (ds.stats.size() >= settings.maxElements()) {
                ds.cut = true;
                return FilterResult.STOP;
            }
            observer.accept(e);
            if (Html.SKIPPED.contains(e.normalName())) {
                return FilterResult.SKIP_ENTIRELY;
            }
            NodeStats s = new NodeStats();
            ds.stats.put(e, s);
            s.block = Html.isBlock(e);
            s.junkHint = rules.hint(e, s.block);
            if (s.junkHint != null) {
                ds.junkHints.add(e);
            }
            open.push(s);
            if (e.normalName().equals("br") && !blocks.isEmpty()) {
                blocks.peek().inlineBreaks++;
            }
            if (s.block) {
                blocks.push(s);
            }
            s.link = Html.isLink(e);
            if (s.link) {
                if (linkDepth == linkStarts.length) {
                    linkStarts = Arrays.copyOf(linkStarts, 2 * linkDepth);
                }
                linkStarts[linkDepth++] = blocks.isEmpty() ? 0 : blocks.peek().inlineLink;
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e && !open.isEmpty()) {
                close(e);
            }
            return FilterResult.CONTINUE;
        }

        private void close(Element e) {
            NodeStats s = open.pop();
            if (s.block && !blocks.isEmpty()) {
                blocks.pop();
                if (s.inlineText >= settings.minParagraphChars()) {
                    ds.paragraphs.add(e);
                }
            }
            if (s.link) {
                int start = linkStarts[--linkDepth];
                if (s.text > SWALLOWING_LINK_LETTERS) {
                    unlink(e, s, start);
                }
            }
            NodeStats parent = open.peek();
            if (parent != null) {
                parent.text += s.text;
                parent.linkText += s.linkText;
                parent.commas += s.commas;
            }
        }

        private void addText(String text) {
            int n = 0;
            int commas = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    // ASCII, most of any page, counted without branches: spaces and letters alternate too
                    // irregularly for a branch to be predicted.
                    n += c > ' ' ? 1 : 0;
                    commas += c == ',' ? 1 : 0;
                } else if (Html.isVisible(c)) {
                    n++;
                    if (Html.isComma(c)) {
                        commas++;
                    }
                }
            }
            if (n == 0) {
                return;
            }
            NodeStats s = open.peek();
            s.text += n;
            s.commas += commas;
            if (linkDepth > 0) {
                s.linkText += n;
            }
            NodeStats b = blocks.peek();
            if (b != null) {
                b.inlineText += n;
                b.inlineCommas += commas;
                if (linkDepth > 0) {
                    b.inlineLink += n;
                }
            }
        }

        /** Measures a swallowing link's text as plain text: rare, so the walk over its subtree is cheap overall. */
        private void unlink(Element link, NodeStats s, int blockLinkAtStart) {
            for (Element d : link.getAllElements()) {
                NodeStats ds2 = ds.stats.get(d);
                if (ds2 != null) {
                    ds2.linkText = 0;
                    ds2.inlineLink = 0;
                }
            }
            if (!blocks.isEmpty()) {
                blocks.peek().inlineLink = blockLinkAtStart;
            }
        }

        /** After an early stop, add the still-open elements' measures to their parents. */
        void unwind() {
            while (open.size() > 1) {
                NodeStats s = open.pop();
                NodeStats parent = open.peek();
                parent.text += s.text;
                parent.linkText += s.linkText;
                parent.commas += s.commas;
            }
        }
    }
}
