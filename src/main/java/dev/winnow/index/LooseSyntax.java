package dev.winnow.index;

import java.util.Set;

/**
 * Makes what people type or paste readable as query syntax without changing what is syntax. A colon
 * after a word that is not a field name is text ({@code Covid-19: vaccine}, {@code https://…}), a slash
 * inside a word is text ({@code 24/7}, a pasted URL), and the URL value of a field is taken whole
 * ({@code feed:https://…} needs no quotes). Quoted phrases, known fields, {@code *:*} and
 * {@code /regular expressions/} are left as they are.
 */
final class LooseSyntax {
    private LooseSyntax() {
    }

    /** The query with the colons and slashes that are text escaped. */
    static String escape(String query, Set<String> fields) {
        StringBuilder out = new StringBuilder(query.length() + 8);
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                out.append(c);
                i++;
            } else if (c == '"') {
                int end = closingQuote(query, i);
                out.append(query, i, end);
                i = end;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(query.charAt(end)) && query.charAt(end) != '"') {
                    end = query.charAt(end) == '\\' ? Math.min(n, end + 2) : end + 1;
                }
                out.append(word(query.substring(i, end), fields));
                i = end;
            }
        }
        return out.toString();
    }

    /** The index just past the quote that closes the phrase opening at {@code open}, or the end. */
    private static int closingQuote(String s, int open) {
        int i = open + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return s.length();
    }

    private static String word(String w, Set<String> fields) {
        int lead = 0;
        while (lead < w.length() && "+-!(".indexOf(w.charAt(lead)) >= 0) {
            lead++;
        }
        String prefix = w.substring(0, lead);
        String body = w.substring(lead);
        int colon = unescaped(body, ':');
        if (colon > 0 && (fields.contains(body.substring(0, colon)) || body.startsWith("*:"))) {
            String field = body.substring(0, colon + 1);
            String value = body.substring(colon + 1);
            if (value.contains("://") && !value.startsWith("\"")) {
                int close = value.length();
                while (close > 0 && value.charAt(close - 1) == ')') {
                    close--;
                }
                return prefix + field + '"' + value.substring(0, close).replace("\"", "\\\"") + '"'
                        + value.substring(close);
            }
            return prefix + field + text(value);
        }
        return prefix + text(body);
    }

    /** A word that is text: colons and slashes escaped, unless the word is a regular expression. */
    private static String text(String w) {
        String core = w.replaceAll("\\)+$", "");
        if (core.length() > 1 && core.startsWith("/") && core.endsWith("/")) {
            return w;
        }
        StringBuilder sb = new StringBuilder(w.length() + 4);
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c == '\\' && i + 1 < w.length()) {
                sb.append(c).append(w.charAt(++i));
            } else {
                if (c == ':' || c == '/') {
                    sb.append('\\');
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static int unescaped(String s, char wanted) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == wanted) {
                return i;
            }
        }
        return -1;
    }
}
