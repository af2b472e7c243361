package dev.winnow.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Reads a response body through its Content-Encoding and stops after a cap on the DECODED bytes, so a
 * few kilobytes of gzip that inflate to gigabytes cost at most the cap in memory.
 */
final class DecodedBody {
    private DecodedBody() {
    }

    /** Returns the decoded bytes, or null when they exceed {@code cap}. */
    static byte[] read(InputStream raw, String contentEncoding, long cap) throws IOException {
        try (InputStream in = decoder(raw, contentEncoding)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(cap, 64 * 1024));
            byte[] buf = new byte[16 * 1024];
            long total = 0;
            for (int n; (n = in.read(buf)) != -1; ) {
                total += n;
                if (total > cap) {
                    return null;
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static InputStream decoder(InputStream raw, String contentEncoding) throws IOException {
        String enc = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        return switch (enc) {
            case "", "identity" -> raw;
            case "gzip", "x-gzip" -> new GZIPInputStream(raw, 8192);
            case "br" -> new BrotliInputStream(raw);
            case "deflate" -> inflater(raw);
            default -> throw new UnsupportedEncodingException(enc);
        };
    }

    /** "deflate" is zlib-wrapped by the spec and raw deflate on some servers; the first byte tells. */
    private static InputStream inflater(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 1);
        int first = in.read();
        if (first != -1) {
            in.unread(first);
        }
        boolean zlib = (first & 0x0f) == 8;
        return new InflaterInputStream(in, new Inflater(!zlib), 8192);
    }

    /** A Content-Encoding winnow cannot decode. */
    static final class UnsupportedEncodingException extends IOException {
        private static final long serialVersionUID = 1L;

        UnsupportedEncodingException(String encoding) {
            super("unsupported Content-Encoding '" + encoding + "'");
        }
    }
}
