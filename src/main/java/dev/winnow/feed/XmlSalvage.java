package dev.winnow.feed;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Repairs what a tolerant feed reader repairs, at the text level, before a strict XML parser sees the
 * document: junk before the prolog, a missing first {@code <}, the XML declaration (the text is already
 * decoded), characters XML forbids, the DOCTYPE (removed: no DTD is ever processed, so no expansion
 * bomb; one declaring an external entity refuses the document), HTML named entities (to numeric references), simple internal text
 * entities (inlined once, never nested), undefined entities and bare {@code &} (escaped), and a CDATA
 * section left open. Text inside CDATA and comments is left alone.
 */
final class XmlSalvage {
    private static final Pattern DECLARATION = Pattern.compile("^<\\?xml[^>]*>");
    private static final Pattern INTERNAL_ENTITY = Pattern.compile(
            "<!ENTITY\\s+([A-Za-z_][\\w.-]*)\\s+(\"([^\"<&%]*)\"|'([^'<&%]*)')\\s*>");
    /** A general external entity: text pulled from elsewhere (parameter entities only shape a DTD never read). */
    private static final Pattern EXTERNAL_ENTITY = Pattern.compile(
            "<!ENTITY\\s+([A-Za-z_][\\w.-]*)\\s+(?:SYSTEM|PUBLIC)\\b");
    private static final int MAX_ENTITY_VALUE = 64;
    /** A start tag without its {@code <}: a name, attributes, then {@code >}, before any other markup. */
    private static final Pattern LOST_LT = Pattern.compile(
            "[A-Za-z_][\\w:.-]*(\\s+[\\w:.-]+\\s*=\\s*(\"[^\"<]*\"|'[^'<]*'))*\\s*/?>");

    private XmlSalvage() {
    }

    /** @throws FeedParseException when the DOCTYPE declares an external entity: an attack, not a feed */
    static String repair(String text) throws FeedParseException {
        String s = dropLeadingJunk(text);
        s = DECLARATION.matcher(s).replaceFirst("");
        s = dropForbiddenChars(s);
        Map<String, String> entities = new HashMap<>();
        s = dropDoctype(s, entities);
        return fixMarkup(s, entities);
    }

    private static String dropLeadingJunk(String s) {
        int decl = s.indexOf("<?xml");
        if (decl > 0 && decl < 4096) {
            return s.substring(decl);
        }
        String trimmed = s.stripLeading();
        if (trimmed.startsWith("?xml") || LOST_LT.matcher(trimmed).lookingAt()) {
            return "<" + trimmed; // a file that lost its first character
        }
        int lt = trimmed.indexOf('<');
        return lt > 0 ? trimmed.substring(lt) : trimmed;
    }

    static String dropForbiddenChars(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (ok && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** Removes the DOCTYPE; remembers internal entities whose value is short plain text. */
    private static String dropDoctype(String s, Map<String, String> entities) throws FeedParseException {
        int start = s.indexOf("<!DOCTYPE");
        if (start < 0 || start > 4096) {
            return s;
        }
        int depth = 0;
        int end = -1;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return s;
        }
        Matcher external = EXTERNAL_ENTITY.matcher(s.substring(start, end));
        if (external.find()) {
            throw new FeedParseException("refused: the DOCTYPE declares external entity '" + external.group(1)
                    + "' (an XXE attempt; external entities are never resolved)");
        }
        Matcher m = INTERNAL_ENTITY.matcher(s.substring(start, end));
        while (m.find()) {
            String value = m.group(3) != null ? m.group(3) : m.group(4);
            if (value.length() <= MAX_ENTITY_VALUE) {
                entities.putIfAbsent(m.group(1), value);
            }
        }
        return s.substring(0, start) + s.substring(end + 1);
    }

    private static String fixMarkup(String s, Map<String, String> entities) {
        StringBuilder out = new StringBuilder(s.length() + 64);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '<' && s.startsWith("<![CDATA[", i)) {
                i = copyCdata(s, i, out);
            } else if (c == '<' && s.startsWith("<!--", i)) {
                int end = s.indexOf("-->", i + 4);
                end = end < 0 ? s.length() : end + 3;
                out.append(s, i, end);
                i = end;
            } else if (c == '&') {
                i = fixReference(s, i, out, entities);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Copies a CDATA section; one that is never closed is closed before the next closing tag. */
    private static int copyCdata(String s, int i, StringBuilder out) {
        int end = s.indexOf("]]>", i + 9);
        if (end >= 0) {
            out.append(s, i, end + 3);
            return end + 3;
        }
        int close = s.indexOf("</", i + 9);
        int stop = close < 0 ? s.length() : close;
        out.append(s, i, stop).append("]]>");
        return stop;
    }

    private static int fixReference(String s, int i, StringBuilder out, Map<String, String> entities) {
        int semi = -1;
        for (int j = i + 1; j < s.length() && j < i + 40; j++) {
            char d = s.charAt(j);
            if (d == ';') {
                semi = j;
                break;
            }
            if (!(Character.isLetterOrDigit(d) || d == '#' || d == '_' || d == '.' || d == '-')) {
                break;
            }
        }
        if (semi < 0) {
            out.append("&amp;");
            return i + 1;
        }
        String name = s.substring(i + 1, semi);
        out.append(replacement(name, entities));
        return semi + 1;
    }

    private static String replacement(String name, Map<String, String> entities) {
        if (name.startsWith("#")) {
            int cp = codePoint(name);
            return cp >= 0 && isXmlChar(cp) ? "&" + name + ";" : "";
        }
        switch (name) {
            case "amp", "lt", "gt", "quot", "apos":
                return "&" + name + ";";
            default:
                break;
        }
        String value = entities.get(name);
        if (value != null) {
            return escape(value);
        }
        if (Entities.isNamedEntity(name)) {
            StringBuilder refs = new StringBuilder();
            Entities.getByName(name).codePoints().forEach(cp -> refs.append("&#").append(cp).append(';'));
            return refs.toString();
        }
        return "&amp;" + name + ";"; // unknown entity: keep it visible as text
    }

    private static int codePoint(String ref) {
        try {
            if (ref.startsWith("#x") || ref.startsWith("#X")) {
                return Integer.parseInt(ref.substring(2), 16);
            }
            return Integer.parseInt(ref.substring(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
