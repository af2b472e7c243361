package dev.winnow.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Finds the charset label a page's {@code <meta>} tags declare ({@code <meta charset=x>} or
 * {@code <meta http-equiv=Content-Type content="text/html; charset=x">}) by scanning the bytes, ASCII
 * case-blind: every page is prescanned, so this avoids building, lower-casing and pattern-matching a
 * string of its head.
 */
final class MetaCharset {
    private static final byte[] META = {'<', 'm', 'e', 't', 'a'};
    private static final byte[] CHARSET = {'c', 'h', 'a', 'r', 's', 'e', 't'};

    private MetaCharset() {
    }

    /**
     * The charset of the first {@code <meta>} tag within {@code length} bytes that declares one Java knows
     * ({@link TextDecoder#lookup}), or null.
     */
    static Charset declared(byte[] b, int length) {
        for (int tag = indexOf(b, length, META, 0); tag >= 0; tag = indexOf(b, length, META, tag + META.length)) {
            String label = label(b, tag + META.length, tagEnd(b, length, tag + META.length));
            Charset cs = label == null ? null : TextDecoder.lookup(label);
            if (cs != null) {
                return cs;
            }
        }
        return null;
    }

    /**
     * The label after the tag's last {@code charset=} that has one: the tag's attributes are read as
     * {@code <meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)} would, greedy.
     */
    private static String label(byte[] b, int attributes, int end) {
        for (int at = end - CHARSET.length; at > attributes; at--) {
            if (matchesAt(b, at, CHARSET)) {
                String label = valueAfter(b, at + CHARSET.length, end);
                if (label != null) {
                    return label;
                }
            }
        }
        return null;
    }

    private static String valueAfter(byte[] b, int i, int end) {
        i = skipSpace(b, i, end);
        if (i >= end || b[i] != '=') {
            return null;
        }
        i = skipSpace(b, i + 1, end);
        if (i < end && (b[i] == '"' || b[i] == '\'')) {
            i = skipSpace(b, i + 1, end);
        }
        int start = i;
        while (i < end && isLabelByte(b[i])) {
            i++;
        }
        return i > start ? new String(b, start, i - start, StandardCharsets.US_ASCII) : null;
    }

    private static boolean isLabelByte(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                || c == ':' || c == '-';
    }

    /** The index of the first byte at or after {@code i} that is not ASCII whitespace, or {@code end}. */
    static int skipSpace(byte[] b, int i, int end) {
        while (i < end && (b[i] == ' ' || b[i] >= '\t' && b[i] <= '\r')) {
            i++;
        }
        return i;
    }

    /** The index of the {@code >} closing a tag, or {@code length} when the prescanned bytes cut it. */
    private static int tagEnd(byte[] b, int length, int from) {
        for (int i = from; i < length; i++) {
            if (b[i] == '>') {
                return i;
            }
        }
        return length;
    }

    private static int indexOf(byte[] b, int length, byte[] lower, int from) {
        for (int i = from; i <= length - lower.length; i++) {
            if (b[i] == '<' && matchesAt(b, i, lower)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the bytes at {@code at} spell {@code lower}, ASCII letters in either case. */
    private static boolean matchesAt(byte[] b, int at, byte[] lower) {
        for (int k = 0; k < lower.length; k++) {
            int c = b[at + k];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lower[k]) {
                return false;
            }
        }
        return true;
    }
}
