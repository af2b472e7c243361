package dev.winnow.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of an HTML page or a feed into text, choosing the charset the same way for both:
 *
 * <ol>
 *   <li>a byte-order mark wins (UTF-8, UTF-16, UTF-32), then the zero bytes of UTF-16/32 without one;</li>
 *   <li>the HTTP {@code Content-Type} charset, then the document's own declaration (the XML prolog's
 *       {@code encoding}, else an HTML {@code <meta charset>} near the top) are candidates, used only if the
 *       bytes decode cleanly in them; a single-byte label on bytes that are valid multi-byte UTF-8 is read
 *       as UTF-8, and Latin-1 and ASCII labels are read as their superset windows-1252, as browsers do;</li>
 *   <li>then UTF-8, also when a few stray bytes spoil it (re-reading it would garble every accented
 *       letter to save a handful);</li>
 *   <li>then detection ({@link CharsetGuess}): the most plausible of the common legacy charsets
 *       (Shift_JIS, EUC-JP, EUC-KR, GB18030, Big5, KOI8-R, windows-1251/874/1252), with a single-byte
 *       declaration competing as read leniently, and windows-1252 as the last resort.</li>
 * </ol>
 *
 * <p>Input may be cut short (a size cap): a multi-byte sequence cut by the end is not an error.
 */
public final class TextDecoder {
    /** How far into a page the {@code <meta charset>} declaration is looked for (HTML spec: 1024). */
    private static final int PRESCAN_BYTES = 4096;
    private static final int PROLOG_BYTES = 512;
    private static final Pattern HEADER_CHARSET = Pattern.compile(
            "charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING = Pattern.compile(
            "^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private TextDecoder() {
    }

    /** The decoded text and the charset it was read in. */
    public record Decoded(String text, Charset charset) {
    }

    /** The charset to read the bytes with, and how many leading bytes (a byte-order mark) to skip. */
    public record Detected(Charset charset, int skip) {
    }

    /** The text of the whole array. */
    public static Decoded decode(byte[] bytes, String contentType) {
        return decode(bytes, bytes.length, contentType);
    }

    /** The text of the first {@code length} bytes. */
    public static Decoded decode(byte[] bytes, int length, String contentType) {
        Detected d = detect(bytes, length, contentType);
        int n = Math.max(0, length - d.skip());
        String clean = strict(bytes, d.skip(), n, d.charset());
        return new Decoded(clean != null ? clean : new String(bytes, d.skip(), n, d.charset()), d.charset());
    }

    /**
     * The charset, with the bytes checked against every declaration. The whole input is checked, even when
     * it is declared UTF-8: a page in a legacy charset mislabeled UTF-8 often shows it only past its
     * ASCII head, and is then read right the first time.
     */
    public static Detected detect(byte[] bytes, int length, String contentType) {
        Detected marked = byByteOrderMark(bytes, length);
        if (marked != null) {
            return marked;
        }
        Charset wide = byZeroPattern(bytes, length);
        if (wide != null) {
            return new Detected(wide, 0);
        }
        return new Detected(choose(bytes, length, declaredInHeader(contentType), declaredInDocument(bytes, length)), 0);
    }

    /** The charset for bytes without a byte-order mark, given the declarations (either may be null). */
    static Charset choose(byte[] b, int length, Charset header, Charset inDocument) {
        Utf8Check utf8 = Utf8Check.of(b, length);
        Set<Charset> candidates = new LinkedHashSet<>();
        Charset singleByte = null;
        for (Charset c : new Charset[] {header, inDocument}) {
            if (c == null || isWide(c)) {
                continue; // a byte stream with no zero bytes is not UTF-16: the label was transcoded away
            }
            if (!isMultiByte(c) && utf8.invalid() == 0 && utf8.multiByte() > 0) {
                c = StandardCharsets.UTF_8; // valid multi-byte UTF-8 almost never happens by chance
            } else if (!isMultiByte(c) && singleByte == null) {
                singleByte = c;
            }
            candidates.add(c);
        }
        candidates.add(StandardCharsets.UTF_8);
        for (Charset c : candidates) {
            if (c.equals(StandardCharsets.UTF_8) ? utf8.invalid() == 0 : decodesStrictly(b, length, c, utf8)) {
                return c;
            }
        }
        if (utf8.plausible()) {
            return StandardCharsets.UTF_8;
        }
        return CharsetGuess.best(b, length, singleByte != null ? singleByte : WINDOWS_1252);
    }

    static Charset declaredInHeader(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? lookup(m.group(1)) : null;
    }

    /** The XML prolog's encoding, else the first usable {@code <meta charset>} near the top. */
    static Charset declaredInDocument(byte[] bytes, int length) {
        int n = Math.min(length, PRESCAN_BYTES);
        if (startsWithXmlProlog(bytes, n)) {
            Matcher prolog = XML_ENCODING.matcher(new String(bytes, 0, Math.min(n, PROLOG_BYTES),
                    StandardCharsets.ISO_8859_1));
            if (prolog.find()) {
                return lookup(prolog.group(1));
            }
        }
        return MetaCharset.declared(bytes, n);
    }

    private static boolean startsWithXmlProlog(byte[] b, int length) {
        int i = MetaCharset.skipSpace(b, 0, length);
        return i + 5 <= length && b[i] == '<' && b[i + 1] == '?' && b[i + 2] == 'x' && b[i + 3] == 'm'
                && b[i + 4] == 'l';
    }

    /** A charset by label, or null for an unknown one; Latin-1 and ASCII labels mean windows-1252. */
    static Charset lookup(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("utf8")) {
            n = "utf-8";
        } else if (n.equals("latin1") || n.equals("latin-1")) {
            n = "iso-8859-1";
        }
        try {
            if (!Charset.isSupported(n)) {
                return null;
            }
            Charset c = Charset.forName(n);
            // Real pages and feeds put curly quotes in 0x80-0x9F under a Latin-1 label.
            return c.equals(StandardCharsets.ISO_8859_1) || c.equals(StandardCharsets.US_ASCII) ? WINDOWS_1252 : c;
        } catch (IllegalArgumentException e) {
            return null; // an illegal name: fall through to the other candidates
        }
    }

    private static Detected byByteOrderMark(byte[] b, int length) {
        if (startsWith(b, length, 0xEF, 0xBB, 0xBF)) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (startsWith(b, length, 0x00, 0x00, 0xFE, 0xFF)) {
            return new Detected(UTF_32BE, 4);
        }
        if (startsWith(b, length, 0xFF, 0xFE, 0x00, 0x00)) {
            return new Detected(UTF_32LE, 4);
        }
        if (startsWith(b, length, 0xFE, 0xFF)) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        if (startsWith(b, length, 0xFF, 0xFE)) {
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        return null;
    }

    /** UTF-16/32 without a byte-order mark shows as zero bytes around the ASCII of {@code <?xml} or {@code <!}. */
    private static Charset byZeroPattern(byte[] b, int length) {
        if (startsWith(b, length, 0x00, 0x00, 0x00, 0x3C)) {
            return UTF_32BE;
        }
        if (startsWith(b, length, 0x3C, 0x00, 0x00, 0x00)) {
            return UTF_32LE;
        }
        if (startsWith(b, length, 0x00, 0x3C, 0x00)) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(b, length, 0x3C, 0x00, 0x3F) || startsWith(b, length, 0x3C, 0x00, 0x72)) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWide(Charset c) {
        String n = c.name().toUpperCase(Locale.ROOT);
        return n.startsWith("UTF-16") || n.startsWith("UTF-32");
    }

    /** The East Asian multi-byte legacy charsets and the Unicode forms: where UTF-8 bytes are no surprise. */
    private static boolean isMultiByte(Charset c) {
        String n = c.name().toLowerCase(Locale.ROOT);
        return n.contains("jis") || n.contains("31j") || n.startsWith("euc") || n.startsWith("gb")
                || n.contains("big5") || n.startsWith("utf") || n.startsWith("iso-2022");
    }

    /**
     * Whether the bytes decode with no malformed or unmappable sequence: for a single-byte charset that
     * follows from the byte values present, so the page is not decoded just to be checked.
     */
    private static boolean decodesStrictly(byte[] b, int length, Charset c, Utf8Check utf8) {
        SingleByteTable table = SingleByteTable.of(c);
        return table != null ? table.decodesStrictly(utf8.highBytes()) : strict(b, 0, length, c) != null;
    }

    /**
     * The bytes decoded with no malformed or unmappable sequence, or null. A sequence cut by the end of
     * the input (a page capped in size) is dropped, not an error.
     */
    static String strict(byte[] b, int offset, int length, Charset c) {
        return strict(strictDecoder(c), b, offset, length);
    }

    static CharsetDecoder strictDecoder(Charset c) {
        return c.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** As {@link #strict(byte[], int, int, Charset)}, with a strict decoder that is reset and reused. */
    static String strict(CharsetDecoder decoder, byte[] b, int offset, int length) {
        decoder.reset();
        ByteBuffer in = ByteBuffer.wrap(b, offset, length);
        CharBuffer out = CharBuffer.allocate(Math.max(16, (int) (length * (double) decoder.averageCharsPerByte()) + 16));
        while (true) {
            CoderResult r = decoder.decode(in, out, false);
            if (r.isError()) {
                return null;
            }
            if (r.isOverflow()) {
                CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2);
                out.flip();
                bigger.put(out);
                out = bigger;
                continue;
            }
            break; // underflow: all read but an incomplete sequence at the very end, if any
        }
        if (in.remaining() >= 4) {
            return null;
        }
        out.flip();
        return out.toString();
    }

    /**
     * Counts valid multi-byte UTF-8 sequences and invalid bytes, and records which byte values from 0x80 up
     * occur ({@code highBytes}, indexed by value). UTF-8 but for a few stray bytes (pasted from elsewhere)
     * is still plausible UTF-8.
     */
    record Utf8Check(int multiByte, int invalid, boolean[] highBytes) {
        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
                ByteOrder.LITTLE_ENDIAN);
        private static final long HIGH_BITS = 0x8080808080808080L;

        boolean plausible() {
            return invalid == 0 || multiByte >= 4 * invalid;
        }

        static Utf8Check of(byte[] b, int length) {
            int multi = 0;
            int invalid = 0;
            boolean[] high = new boolean[256];
            int i = 0;
            while (i < length) {
                int c = b[i] & 0xFF;
                if (c < 0x80) {
                    i = skipAscii(b, i + 1, length);
                    continue;
                }
                high[c] = true;
                int need = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
                if (need < 0) {
                    invalid++;
                    i++;
                    continue;
                }
                if (i + need >= length) {
                    markHigh(b, i + 1, length, high);
                    break; // a sequence cut by the end of the (possibly truncated) input is not an error
                }
                boolean ok = true;
                for (int k = 1; k <= need; k++) {
                    if ((b[i + k] & 0xC0) != 0x80) {
                        ok = false;
                        break;
                    }
                    high[b[i + k] & 0xFF] = true;
                }
                if (ok) {
                    multi++;
                    i += need + 1;
                } else {
                    invalid++;
                    i++;
                }
            }
            return new Utf8Check(multi, invalid, high);
        }

        private static void markHigh(byte[] b, int from, int length, boolean[] high) {
            for (int i = from; i < length; i++) {
                high[b[i] & 0xFF] |= b[i] < 0;
            }
        }

        /**
         * The index of the first non-ASCII byte at or after {@code i} (or {@code length}), eight bytes at a
         * time: most of a page is ASCII markup, so this keeps checking a whole page cheap.
         */
        static int skipAscii(byte[] b, int i, int length) {
            while (i + Long.BYTES <= length && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
                i += Long.BYTES;
            }
            while (i < length && b[i] >= 0) {
                i++;
            }
            return i;
        }

    }
}
