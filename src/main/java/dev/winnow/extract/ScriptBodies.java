package dev.winnow.extract;

import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.jsoup.parser.Parser;

/**
 * Finds the bodies of the {@code <script>} and {@code <style>} elements in a page's head, in its raw bytes, so
 * the parser can be spared reading them: extraction never uses them, and on today's news pages they are a third
 * of the bytes. JSON-LD scripts are kept (metadata reads them).
 *
 * <p>Only the head is scanned: the markup before the first element that does not belong there. That is where
 * today's pages keep most of their script and style bytes behind little markup; in the body, reading the markup
 * costs about what the parser would save (measured: a bare byte loop over a page is a tenth of its parse).
 *
 * <p>The scan follows the HTML tokenizer's states that decide where a script or style body starts and ends:
 * comments, quoted attribute values, the title's text. Where it cannot be sure — a script body that holds
 * {@code <!--} and then {@code <script} (the "double escaped" state), an unterminated tag, a '<' before a byte
 * that is not ASCII — it stops, and the rest of the page is parsed whole. A body left in is only slower; one
 * cut wrongly would lose text.
 *
 * <p>Bytes are read as ISO-8859-1, which is exact for the charsets where a byte below {@code 0x40} is always that
 * ASCII character ({@link #scannable}); the others are never cut.
 */
final class ScriptBodies {
    /** Elements of a head besides script, style and title: the scan goes on past them, and stops at any other. */
    private static final String[] HEAD = {"meta", "link", "html", "head", "base", "noscript"};

    /** Bytes read first: most heads fit. */
    private static final int FIRST_WINDOW = 8 * 1024;

    private final String page;
    private final int offset;
    private int[] cuts = new int[16];
    private int size;
    /** The last "<!--" found, -1 when there is none further, -2 before the first search. */
    private int commentOpening = -2;
    /** Where the construct the scan was reading when the text ran out starts. */
    private int resume;
    /** Whether the scan stopped by its own choice, not for want of text. */
    private boolean decided;

    /** A scan of {@code page}, which starts at {@code offset} in the bytes, going on with the cuts of {@code before}. */
    private ScriptBodies(String page, int offset, ScriptBodies before) {
        this.page = page;
        this.offset = offset;
        if (before != null) {
            cuts = before.cuts;
            size = before.size;
        }
    }

    /**
     * The bytes {@code [from, to)} as text, read as {@code charset}, without the script and style bodies
     * {@link #find} finds.
     */
    static Reader without(byte[] bytes, int from, int to, Charset charset) {
        return new PageReader(bytes, from, to, find(bytes, from, to, charset), charset);
    }

    /**
     * The byte ranges of {@code bytes[from, to)} to leave out, as {@code [start, end)} pairs in order; empty when
     * nothing can be cut or the charset is not {@link #scannable}.
     */
    static int[] find(byte[] bytes, int from, int to, Charset charset) {
        if (!scannable(charset)) {
            return new int[0];
        }
        // A head is read from a prefix of the page, read on while the scan runs off its end: copying a whole
        // page to read its head would cost a good part of what the cuts save.
        ScriptBodies scan = null;
        int start = from;
        int window = FIRST_WINDOW;
        while (true) {
            int length = Math.min(to - start, window);
            scan = new ScriptBodies(new String(bytes, start, length, StandardCharsets.ISO_8859_1), start, scan);
            scan.run();
            if (scan.decided || start + length == to) {
                return Arrays.copyOf(scan.cuts, scan.size);
            }
            start += scan.resume; // the construct the window cut short is read again, from its start
            window = (int) Math.min(Integer.MAX_VALUE, window * 4L);
        }
    }

    /**
     * Charsets in which the bytes the scan looks for ({@code < > / ! - = " '}, spaces) never occur inside a
     * multi-byte character, and letters are ASCII where it reads them. Not UTF-16/32, not ISO-2022, not EBCDIC.
     */
    static boolean scannable(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT);
        return name.equals("UTF-8") || name.equals("US-ASCII") || name.startsWith("ISO-8859-")
                || name.startsWith("WINDOWS-125") || name.startsWith("KOI8-") || name.equals("SHIFT_JIS")
                || name.equals("EUC-JP") || name.equals("EUC-KR") || name.equals("GBK") || name.equals("GB2312")
                || name.equals("GB18030") || name.equals("BIG5");
    }

    private void run() {
        int n = page.length();
        int i = 0;
        while (i < n) {
            int lt = page.indexOf('<', i);
            if (lt < 0) {
                resume = n;
                return;
            }
            resume = lt;
            if (lt + 1 >= n) {
                return;
            }
            char c = page.charAt(lt + 1);
            if (isLetter(c)) {
                i = startTag(lt);
            } else if (c == '/') {
                i = endTag(lt);
            } else if (c == '!') {
                i = markup(lt);
            } else if (c >= 0x80) {
                decided = true; // jsoup asks whether the decoded character is a letter; bytes cannot tell
                return;
            } else if (c == '?') {
                i = afterGreaterThan(lt + 2); // a processing instruction is a bogus comment up to '>'
            } else {
                i = lt + 1; // a '<' in text
            }
            if (i < 0) {
                return;
            }
        }
    }

    /**
     * Past a start tag at {@code lt} and, for a script, style or title, past its body; -1 (stop) at the first
     * element that does not belong in a head.
     */
    private int startTag(int lt) {
        int nameEnd = nameEnd(lt + 1);
        int body = afterTag(nameEnd);
        if (body < 0) {
            return -1;
        }
        int nameLength = nameEnd - lt - 1;
        if (is("script", lt + 1, nameLength)) {
            return script(lt, body);
        }
        if (is("style", lt + 1, nameLength)) {
            int end = endTagOf("style", body);
            if (end >= 0) {
                cut(body, end);
            }
            return end;
        }
        if (is("title", lt + 1, nameLength)) {
            return endTagOf("title", body); // RCDATA: its text is not markup
        }
        for (String name : HEAD) {
            if (is(name, lt + 1, nameLength)) {
                return body;
            }
        }
        decided = true;
        return -1;
    }

    /** The first "<!--" at or after {@code from}: remembered, as searching it from every script would be quadratic. */
    private int nextCommentOpening(int from) {
        if (commentOpening != -1 && commentOpening < from) {
            commentOpening = page.indexOf("<!--", from);
        }
        return commentOpening;
    }

    /** Past the body of a script whose tag starts at {@code lt} and body at {@code body}. */
    private int script(int lt, int body) {
        int end = endTagOf("script", body);
        if (end < 0) {
            return -1;
        }
        int comment = nextCommentOpening(body);
        if (comment >= 0 && comment < end && hasTagStart("script", comment + 4, end)) {
            decided = true; // "double escaped": the first </script> may not end it
            return -1;
        }
        if (!isJsonLd(lt, body)) {
            cut(body, end);
        }
        return end;
    }

    /** Whether the script tag in {@code [lt, end)} says JSON-LD, in any case and maybe with entities ("ld&#x2B;json"). */
    private boolean isJsonLd(int lt, int end) {
        if (!containsIgnoreCase("json", lt, end)) {
            return false;
        }
        String tag = Parser.unescapeEntities(page.substring(lt, end), true);
        return tag.toLowerCase(Locale.ROOT).contains("ld+json");
    }

    /** Past an end tag: its attributes, though ignored, are tokenized like a start tag's. */
    private int endTag(int lt) {
        if (lt + 2 >= page.length()) {
            return -1;
        }
        char c = page.charAt(lt + 2);
        if (isLetter(c)) {
            return afterTag(nameEnd(lt + 2));
        }
        return c == '>' ? lt + 3 : afterGreaterThan(lt + 2); // "</>" is dropped; "</ x>" is a bogus comment
    }

    /**
     * Past a comment, or a doctype or bogus comment (up to '>'). A CDATA section is one only in SVG or MathML,
     * where the scan never is (it stops at their tags); elsewhere it is a bogus comment.
     */
    private int markup(int lt) {
        return page.startsWith("<!--", lt) ? afterComment(lt + 4) : afterGreaterThan(lt + 2);
    }

    /** Past a comment whose text starts at {@code start}: "-->", "--!>", or at once "<!-->" and "<!--->". */
    private int afterComment(int start) {
        if (page.startsWith(">", start)) {
            return start + 1;
        }
        if (page.startsWith("->", start)) {
            return start + 2;
        }
        int end = page.indexOf("--", start);
        while (end >= 0) {
            if (page.startsWith("-->", end)) {
                return end + 3;
            }
            if (page.startsWith("--!>", end)) {
                return end + 4;
            }
            end = page.indexOf("--", end + 1);
        }
        return -1;
    }

    private int afterGreaterThan(int from) {
        int gt = page.indexOf('>', from);
        return gt < 0 ? -1 : gt + 1;
    }

    /** Where a tag name starting at {@code start} ends: at a space, '/' or '>' (a '<' is part of it). */
    private int nameEnd(int start) {
        int i = start;
        int n = page.length();
        while (i < n) {
            char c = page.charAt(i);
            if (isSpace(c) || c == '/' || c == '>') {
                break;
            }
            i++;
        }
        return i;
    }

    private static final int BEFORE_NAME = 0;
    private static final int NAME = 1;
    private static final int AFTER_NAME = 2;
    private static final int BEFORE_VALUE = 3;
    private static final int UNQUOTED = 4;

    /**
     * Where the text after a tag resumes, given where its tag name ends; -1 at the end of the page. As in the
     * tokenizer, a quote opens a value only after '=', elsewhere it is an ordinary character, as is '<'.
     */
    private int afterTag(int nameEnd) {
        int n = page.length();
        int state = BEFORE_NAME;
        for (int i = nameEnd; i < n; i++) {
            char c = page.charAt(i);
            if (c == '>') {
                return i + 1;
            }
            switch (state) {
                case BEFORE_NAME -> state = isSpace(c) || c == '/' ? BEFORE_NAME : NAME;
                case NAME -> state = c == '=' ? BEFORE_VALUE : c == '/' ? BEFORE_NAME : isSpace(c) ? AFTER_NAME : NAME;
                case AFTER_NAME -> state = c == '=' ? BEFORE_VALUE : c == '/' ? BEFORE_NAME : isSpace(c) ? AFTER_NAME : NAME;
                case BEFORE_VALUE -> {
                    if (c == '"' || c == '\'') {
                        i = page.indexOf(c, i + 1);
                        if (i < 0) {
                            return -1;
                        }
                        state = BEFORE_NAME; // what follows a quoted value is read as before an attribute name
                    } else if (!isSpace(c)) {
                        state = UNQUOTED;
                    }
                }
                default -> state = isSpace(c) ? BEFORE_NAME : UNQUOTED;
            }
        }
        return -1;
    }

    /** Where the end tag of a raw-text element named {@code name} starts, searching from {@code from}; or -1. */
    private int endTagOf(String name, int from) {
        int i = page.indexOf("</", from);
        while (i >= 0) {
            if (isTagStart(name, i + 2)) {
                return i;
            }
            i = page.indexOf("</", i + 2);
        }
        return -1;
    }

    /** Whether {@code <name} followed by a space, '/' or '>' starts somewhere in {@code [from, to)}. */
    private boolean hasTagStart(String name, int from, int to) {
        int i = page.indexOf('<', from);
        while (i >= 0 && i < to) {
            if (isTagStart(name, i + 1)) {
                return true;
            }
            i = page.indexOf('<', i + 1);
        }
        return false;
    }

    /** Whether {@code name} (any case) starts at {@code at}, followed by what ends a tag name in raw text. */
    private boolean isTagStart(String name, int at) {
        int after = at + name.length();
        if (after >= page.length() || !startsWithIgnoreCase(name, at)) {
            return false;
        }
        char c = page.charAt(after);
        return isSpace(c) || c == '/' || c == '>';
    }

    private boolean is(String name, int at, int length) {
        return length == name.length() && startsWithIgnoreCase(name, at);
    }

    private boolean containsIgnoreCase(String word, int from, int to) {
        for (int i = from; i + word.length() <= to; i++) {
            if (startsWithIgnoreCase(word, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the lower-case ASCII {@code word} starts at {@code at}, in any case. The first letter is compared
     * by its ASCII case bit first: a case-blind region match is dear, and most places fail on the first letter.
     */
    private boolean startsWithIgnoreCase(String word, int at) {
        return (page.charAt(at) | 0x20) == word.charAt(0) && page.regionMatches(true, at, word, 0, word.length());
    }

    private void cut(int start, int end) {
        if (end <= start) {
            return;
        }
        if (size + 2 > cuts.length) {
            cuts = Arrays.copyOf(cuts, cuts.length * 2);
        }
        cuts[size++] = offset + start;
        cuts[size++] = offset + end;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The tokenizer's spaces: tab, line feed, form feed, carriage return, space. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }
}
