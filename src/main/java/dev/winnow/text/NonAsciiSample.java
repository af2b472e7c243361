package dev.winnow.text;

import java.util.Arrays;

/**
 * The words of a byte string that hold non-ASCII bytes, as read in a single-byte charset: what
 * {@link CharsetGuess} judges a charset by. Words of ASCII only read the same in every ASCII-compatible
 * charset and say nothing, so a mostly English page is judged on its few accented words, not decoded
 * whole once per candidate charset. Also records which non-ASCII byte values occur anywhere, which is
 * all that strict decoding in a single-byte charset depends on.
 */
final class NonAsciiSample {
    private final boolean[] present = new boolean[256];
    private int[] spans = new int[32];
    private int spanCount;

    private NonAsciiSample() {
    }

    /**
     * The sample of the first {@code length} bytes: words (runs of bytes other than ASCII punctuation and
     * space) holding a non-ASCII byte, in order, until {@code limit} non-ASCII bytes are covered.
     */
    static NonAsciiSample of(byte[] b, int length, int limit) {
        NonAsciiSample s = new NonAsciiSample();
        int covered = 0;
        int i = 0;
        while (i < length && covered < limit) {
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int start = i;
            while (start > 0 && continuesWord(b[start - 1] & 0xff)) {
                start--;
            }
            int end = i;
            while (end < length && continuesWord(b[end] & 0xff)) {
                if (b[end] < 0) {
                    s.present[b[end] & 0xff] = true;
                    covered++;
                }
                end++;
            }
            s.add(start, end);
            i = end;
        }
        for (; i < length; i++) {
            if (b[i] < 0) {
                s.present[b[i] & 0xff] = true;
            }
        }
        return s;
    }

    /**
     * The words of a decoded text that hold a non-ASCII character, taken as {@link #of} takes them from bytes,
     * until {@code limit} such characters are covered: what a multi-byte charset's decoding is judged on.
     */
    static String words(String text, int limit) {
        StringBuilder out = new StringBuilder();
        int covered = 0;
        int n = text.length();
        int i = 0;
        while (i < n && covered < limit) {
            if (text.charAt(i) < 0x80) {
                i++;
                continue;
            }
            int start = i;
            while (start > 0 && continuesWord(text.charAt(start - 1))) {
                start--;
            }
            int end = i;
            while (end < n && continuesWord(text.charAt(end))) {
                char c = text.charAt(end);
                covered += c >= 0x80 && !Character.isLowSurrogate(c) ? 1 : 0;
                end++;
            }
            out.append(text, start, end);
            if (end < n) {
                out.append(' ');
            }
            i = end;
        }
        return out.toString();
    }

    /**
     * A byte value (0-255) or char that continues a word: a letter or digit of ASCII, or anything beyond
     * ASCII. Bytes and chars split the same way, so both samples end words where the text does.
     */
    private static boolean continuesWord(int c) {
        return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    }

    private void add(int start, int end) {
        if (spanCount * 2 + 2 > spans.length) {
            spans = Arrays.copyOf(spans, spans.length * 2);
        }
        spans[spanCount * 2] = start;
        spans[spanCount * 2 + 1] = end;
        spanCount++;
    }

    /** Which non-ASCII byte values (indexed 0-255) occur anywhere in the bytes. */
    boolean[] present() {
        return present;
    }

    /**
     * The sampled words read in a charset, each followed by a space where ASCII punctuation or space
     * followed it in the bytes: what ends a word ends it here too.
     */
    String text(byte[] b, int length, SingleByteTable table) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < spanCount; k++) {
            int end = spans[2 * k + 1];
            for (int i = spans[2 * k]; i < end; i++) {
                out.append(table.charOf(b[i]));
            }
            if (end < length) {
                out.append(' ');
            }
        }
        return out.toString();
    }
}
