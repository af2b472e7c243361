package dev.winnow.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw bytes of an HTML page into text, deciding the charset the way a careful crawler does:
 * a byte-order mark wins; otherwise the HTTP header's or the page's own declaration is a hint that the
 * bytes themselves can overrule. Declared UTF-8 whose bytes are not UTF-8 is read as windows-1252, and a
 * single-byte declaration whose bytes are valid multi-byte UTF-8 is read as UTF-8, so neither kind of
 * lie produces mojibake. ISO-8859-1 is read as its superset windows-1252, as browsers do.
 */
final class HtmlDecoder {
    /** How far into the page the {@code <meta charset>} declaration is looked for (HTML spec: 1024). */
    private static final int PRESCAN_BYTES = 4096;
    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private HtmlDecoder() {
    }

    /** The decoded page and the charset that was used. */
    record Decoded(String text, Charset charset) {
    }

    /**
     * The charset to read the page with, how many leading bytes (a byte-order mark) to skip, and whether
     * UTF-8 was taken on trust (declared or undeclared, bytes not checked yet).
     */
    record Detected(Charset charset, int skip, boolean assumed) {
    }

    /** The charset, with the bytes checked against every declaration. */
    static Detected detect(byte[] bytes, int length, String contentType) {
        return detect(bytes, length, contentType, true);
    }

    /**
     * As {@link #detect(byte[], int, String)}; with {@code verify} false, a page declared (or presumed) UTF-8
     * is taken as such without scanning its bytes: the caller checks the decoded text for replacement
     * characters and asks again with {@code verify} true when it finds any.
     */
    static Detected detect(byte[] bytes, int length, String contentType, boolean verify) {
        Charset bom = bomCharset(bytes, length);
        if (bom != null) {
            return new Detected(bom, bom == StandardCharsets.UTF_8 ? 3 : 2, false);
        }
        Charset declared = declaredInHeader(contentType);
        if (declared == null) {
            declared = declaredInPage(bytes, length);
        }
        if (!verify && (declared == null || declared.equals(StandardCharsets.UTF_8))) {
            return new Detected(StandardCharsets.UTF_8, 0, true);
        }
        return new Detected(choose(bytes, length, declared), 0, false);
    }

    static Decoded decode(byte[] bytes, int length, String contentType) {
        Detected d = detect(bytes, length, contentType);
        return new Decoded(new String(bytes, d.skip(), Math.max(0, length - d.skip()), d.charset()), d.charset());
    }

    static Charset choose(byte[] bytes, int length, Charset declared) {
        Utf8Check utf8 = Utf8Check.of(bytes, length);
        if (declared == null || declared.equals(StandardCharsets.UTF_8)) {
            return utf8.plausible() ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        if (utf8.invalid == 0 && utf8.multiByte > 0 && !isMultiByteLegacy(declared)) {
            // Valid multi-byte UTF-8 almost never happens by chance in a single-byte encoding.
            return StandardCharsets.UTF_8;
        }
        if (declared.equals(StandardCharsets.ISO_8859_1) || declared.equals(StandardCharsets.US_ASCII)) {
            return WINDOWS_1252;
        }
        return declared;
    }

    private static boolean isMultiByteLegacy(Charset cs) {
        String n = cs.name().toLowerCase(Locale.ROOT);
        return n.contains("jis") || n.startsWith("euc") || n.startsWith("gb") || n.contains("big5")
                || n.startsWith("utf-16") || n.startsWith("utf-32");
    }

    static Charset bomCharset(byte[] b, int length) {
        if (length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    static Charset declaredInHeader(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? lookup(m.group(1)) : null;
    }

    static Charset declaredInPage(byte[] bytes, int length) {
        String head = new String(bytes, 0, Math.min(length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        while (m.find()) {
            Charset cs = lookup(m.group(1));
            if (cs != null) {
                // A page that is being decoded cannot really be UTF-16: the declaration was transcoded away.
                return cs.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : cs;
            }
        }
        return null;
    }

    static Charset lookup(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("utf8")) {
            n = "utf-8";
        } else if (n.equals("latin1") || n.equals("latin-1")) {
            n = "iso-8859-1";
        }
        try {
            return Charset.isSupported(n) ? Charset.forName(n) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Counts valid multi-byte sequences and invalid bytes. A page that is UTF-8 but for a few stray bytes
     * (pasted from elsewhere) is still read as UTF-8: re-reading it as windows-1252 would garble every
     * accented letter in order to save a handful.
     */
    record Utf8Check(int multiByte, int invalid) {
        boolean plausible() {
            return invalid == 0 || multiByte >= 4 * invalid;
        }

        static Utf8Check of(byte[] b, int length) {
            int multi = 0;
            int invalid = 0;
            int i = 0;
            while (i < length) {
                int c = b[i] & 0xFF;
                if (c < 0x80) {
                    i++;
                    continue;
                }
                int need = c >= 0xF0 && c <= 0xF4 ? 3 : c >= 0xE0 ? (c <= 0xEF ? 2 : -1) : c >= 0xC2 ? 1 : -1;
                if (need < 0) {
                    invalid++;
                    i++;
                    continue;
                }
                if (i + need >= length) {
                    break; // a sequence cut by the end of the (possibly truncated) input is not an error
                }
                boolean ok = true;
                for (int k = 1; k <= need; k++) {
                    if ((b[i + k] & 0xC0) != 0x80) {
                        ok = false;
                        break;
                    }
                }
                if (ok) {
                    multi++;
                    i += need + 1;
                } else {
                    invalid++;
                    i++;
                }
            }
            return new Utf8Check(multi, invalid);
        }
    }
}
