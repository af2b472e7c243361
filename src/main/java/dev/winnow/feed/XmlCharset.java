package dev.winnow.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of an XML document into text following the XML rules (byte-order mark, then the
 * HTTP charset, then the XML declaration, then UTF-8), and recovers when the declared charset lies:
 * a candidate is used only if the bytes decode cleanly in it, and Latin-1 labels on bytes that are
 * valid multi-byte UTF-8 are read as UTF-8. UTF-8 with a few stray bytes stays UTF-8; anything else
 * the declarations fail on goes to {@link CharsetGuess}, with windows-1252 as the last resort.
 */
final class XmlCharset {
    private static final Pattern DECLARED = Pattern.compile(
            "^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern HEADER = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private XmlCharset() {
    }

    /** The document's text and the charset it was read in. */
    record Decoded(String text, Charset charset) {
    }

    static Decoded decode(byte[] b, String contentType) {
        Decoded byBom = byByteOrderMark(b);
        if (byBom != null) {
            return byBom;
        }
        Charset wide = byZeroPattern(b);
        if (wide != null) {
            return new Decoded(new String(b, wide), wide);
        }
        Set<Charset> candidates = new LinkedHashSet<>();
        Charset header = charset(match(HEADER, contentType));
        Charset declared = charset(match(DECLARED, new String(b, 0, Math.min(b.length, 512), StandardCharsets.ISO_8859_1)));
        for (Charset c : new Charset[] {header, declared}) {
            if (c != null && !isWide(c)) {
                candidates.add(isLatin1(c) && looksLikeUtf8(b) ? StandardCharsets.UTF_8 : c);
            }
        }
        candidates.add(StandardCharsets.UTF_8);
        for (Charset c : candidates) {
            String text = strict(b, c);
            if (text != null) {
                return new Decoded(text, c);
            }
        }
        if (mostlyUtf8(b)) {
            return new Decoded(new String(b, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        Decoded guessed = CharsetGuess.best(b);
        return guessed != null ? guessed : new Decoded(new String(b, CP1252), CP1252);
    }

    private static Decoded byByteOrderMark(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return new Decoded(new String(b, 4, b.length - 4, UTF_32BE), UTF_32BE);
        }
        if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return new Decoded(new String(b, 4, b.length - 4, UTF_32LE), UTF_32LE);
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE);
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE);
        }
        return null;
    }

    /** UTF-16/32 without a BOM shows as zero bytes around the ASCII of {@code <?xml}. */
    private static Charset byZeroPattern(byte[] b) {
        if (startsWith(b, 0x00, 0x00, 0x00, 0x3C)) {
            return UTF_32BE;
        }
        if (startsWith(b, 0x3C, 0x00, 0x00, 0x00)) {
            return UTF_32LE;
        }
        if (startsWith(b, 0x00, 0x3C, 0x00)) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(b, 0x3C, 0x00, 0x3F) || startsWith(b, 0x3C, 0x00, 0x72)) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String match(Pattern p, String s) {
        if (s == null) {
            return null;
        }
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    private static Charset charset(String name) {
        if (name == null) {
            return null;
        }
        try {
            Charset c = Charset.forName(name.trim());
            // Browsers read Latin-1 labels as windows-1252: real feeds put curly quotes in 0x80-0x9F.
            return c.equals(StandardCharsets.ISO_8859_1) || c.equals(StandardCharsets.US_ASCII) ? CP1252 : c;
        } catch (IllegalArgumentException e) {
            return null; // unknown or illegal name: fall through to the other candidates
        }
    }

    private static boolean isWide(Charset c) {
        String n = c.name().toUpperCase(Locale.ROOT);
        return n.startsWith("UTF-16") || n.startsWith("UTF-32");
    }

    private static boolean isLatin1(Charset c) {
        return c.equals(CP1252) || c.name().toUpperCase(Locale.ROOT).startsWith("ISO-8859-");
    }

    /** Valid UTF-8 with at least one multi-byte sequence: practically never an accident in Latin text. */
    private static boolean looksLikeUtf8(byte[] b) {
        boolean multiByte = false;
        for (byte x : b) {
            if (x < 0) {
                multiByte = true;
                break;
            }
        }
        return multiByte && strict(b, StandardCharsets.UTF_8) != null;
    }

    /**
     * UTF-8 but for a few stray bytes (pasted from elsewhere): re-reading it in another charset would
     * garble every accented letter to save a handful.
     */
    private static boolean mostlyUtf8(byte[] b) {
        int multi = 0;
        int invalid = 0;
        for (int i = 0; i < b.length; ) {
            int c = b[i] & 0xFF;
            int need = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
            boolean ok = need >= 0 && i + need < b.length;
            for (int k = 1; ok && k <= need; k++) {
                ok = (b[i + k] & 0xC0) == 0x80;
            }
            if (need == 0) {
                i++;
            } else if (ok) {
                multi++;
                i += need + 1;
            } else {
                invalid++;
                i++;
            }
        }
        return invalid > 0 && multi >= 4 * invalid;
    }

    static String strict(byte[] b, Charset c) {
        try {
            return c.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
