package dev.winnow.extract;

import java.util.Set;
import org.jsoup.nodes.Element;

/** Tag classes the extraction passes share: block-level, never-content, and their text measures. */
final class Html {
    /** Elements whose subtree is never article text. */
    static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "svg", "math", "canvas",
            "iframe", "object", "embed", "video", "audio", "map", "button", "select", "option", "input",
            "textarea", "head", "title", "meta", "link", "base", "picture", "source");

    /** Elements that start a new line of text. */
    static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body", "caption",
            "center", "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
            "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol",
            "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br",
            "menu", "legend", "frameset", "frame", "output");

    private Html() {
    }

    static boolean isBlock(Element e) {
        return BLOCKS.contains(e.normalName());
    }

    static boolean isHeading(String tag) {
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
    }

    /**
     * A link: any {@code <a>} but a named anchor. An {@code <a name>} without {@code href} is a jump target,
     * not a link; left unclosed on old pages, it wraps the section that follows it, which is then no more
     * link text than any other prose. (An {@code <a>} without either is kept a link: scripts make those
     * clickable.)
     */
    static boolean isLink(Element e) {
        // Attribute names are lower-cased by the HTML parser: exact-case lookups are safe and cheaper.
        return e.normalName().equals("a")
                && (e.attributesSize() == 0 || !e.attributes().hasKey("name") || e.attributes().hasKey("href"));
    }

    /** Non-space characters: a length measure that ignores markup indentation. */
    static int letters(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (isVisible(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /**
     * A non-space character. Decided without the Unicode tables outside U+1680..U+3000, the only range
     * beyond ASCII that holds Java whitespace: most text is ASCII, Latin or CJK.
     */
    static boolean isVisible(char c) {
        return c > ' ' && (c < 0x80 || c != '\u00a0'
                && (c < '\u1680' || c > '\u3000' || !Character.isWhitespace(c)));
    }

    /** Commas of the scripts winnow meets: Latin, CJK full-width and ideographic, Arabic. */
    static boolean isComma(char c) {
        return c == ',' || c == '，' || c == '、' || c == '،';
    }
}
