package dev.winnow.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The article's header lines: the byline and dateline ("By Jane Doe", "Updated 5 March 2024 10:32") that sit
 * between the headline and the start of the body. They are read off the page in order after the headline,
 * whether the template sets them inside the body's box or in a header box of their own; the body never
 * holds them (the line filter drops them there), so a reader that shows the header under the headline shows
 * each once.
 */
final class HeaderLines {
    /** A header is a byline and a date or two, not a block of text. */
    static final int MAX_LINES = 3;
    /** A longer line is prose: no byline or dateline is that long, and the body has started. */
    static final int MAX_CHARS = 160;
    /**
     * A short line in a box the class words name a byline is a header line, whatever its wording (an
     * author's name alone, a bare date): longer, it is an author's bio.
     */
    private static final int BYLINE_BOX_CHARS = 80;
    /** Lines read after the headline before giving up (a standfirst, share labels and a picture may come first). */
    private static final int SCAN_LINES = 12;

    private final DomStats stats;
    private final Predicate<String> isHeaderLine;
    private final List<String> found = new ArrayList<>();
    private final StringBuilder buf = new StringBuilder();
    private int scanned;
    /** Open boxes the class words name a byline (author, dateline, post meta) around the current node. */
    private int bylineDepth;
    private boolean done;

    private HeaderLines(DomStats stats, Predicate<String> isHeaderLine) {
        this.stats = stats;
        this.isHeaderLine = isHeaderLine;
    }

    /**
     * The header lines after {@code headline} in page order, at most {@link #MAX_LINES}; empty when there is
     * no headline. {@code isHeaderLine} judges one line's text (byline, dateline, the author's name).
     */
    static List<String> find(Element headline, DomStats stats, Predicate<String> isHeaderLine) {
        if (headline == null) {
            return List.of();
        }
        HeaderLines h = new HeaderLines(stats, isHeaderLine);
        h.walkAfter(headline);
        return List.copyOf(h.found);
    }

    /** Everything after {@code start} in document order, climbing out of its boxes, until the body starts. */
    private void walkAfter(Element start) {
        Node n = start;
        while (!done) {
            Node next = n.nextSibling();
            while (next == null) {
                n = n.parent();
                if (n == null || n instanceof Element box && box.normalName().equals("body")) {
                    flush();
                    return;
                }
                flush(); // leaving a box ends its line
                next = n.nextSibling();
            }
            visit(next);
            n = next;
        }
    }

    private void visit(Node node) {
        if (done) {
            return;
        }
        if (node instanceof TextNode t) {
            buf.append(t.getWholeText());
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        NodeStats s = stats.get(e);
        // Unmeasured (scripts, hidden) and junk boxes are not read; a box the class words name a byline is.
        if (s == null || s.junk != null && !s.junk.equals("byline")) {
            return;
        }
        // A byline box is read as lines of its own, even when set inline (a span beside the date).
        boolean bylineBox = s.junk != null;
        boolean block = bylineBox || Html.isBlock(e);
        if (block) {
            flush();
        }
        bylineDepth += bylineBox ? 1 : 0;
        for (Node child : e.childNodes()) {
            visit(child);
        }
        if (block) {
            flush();
        }
        bylineDepth -= bylineBox ? 1 : 0;
    }

    private void flush() {
        if (done || buf.length() == 0) {
            return; // most boxes end with no text since the last line: nothing to match or copy
        }
        String line = collapseSpaces(buf).strip();
        buf.setLength(0);
        if (line.isEmpty() || Html.letters(line) == 0) {
            return;
        }
        if (line.length() > MAX_CHARS) {
            done = true; // prose: the body has started
            return;
        }
        boolean named = bylineDepth > 0 && line.length() <= BYLINE_BOX_CHARS;
        if ((named || isHeaderLine.test(line)) && !found.contains(line)) {
            found.add(line);
        }
        done = ++scanned >= SCAN_LINES || found.size() >= MAX_LINES;
    }

    /**
     * Each run of spaces (ASCII white space, no-break and zero-width spaces) as one space. A loop, not a
     * pattern: the text of a box can be its whole body, read once per box end.
     */
    static String collapseSpaces(CharSequence text) {
        int n = text.length();
        StringBuilder out = new StringBuilder(n);
        boolean inRun = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                inRun = true;
                continue;
            }
            if (inRun) {
                out.append(' ');
                inRun = false;
            }
            out.append(c);
        }
        if (inRun) {
            out.append(' ');
        }
        return out.toString();
    }

    /** ASCII white space (a pattern's {@code \s} without Unicode classes), the no-break and the zero-width space. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '\u00a0' || c == '\u200b';
    }
}
