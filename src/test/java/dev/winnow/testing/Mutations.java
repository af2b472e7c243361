package dev.winnow.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Damaged copies of a valid input, for tests that bad bytes get a clear answer rather than an exception:
 * bytes overwritten at random, the input cut short, a piece of it repeated elsewhere or left out, and
 * pieces of hostile markup (entity bombs, deep nesting, stray CDATA and comment ends, control characters,
 * charset declarations that lie) inserted anywhere. The same seed gives the same copies.
 */
public final class Mutations {
    private static final String[] HOSTILE = {
        "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>",
        "<!DOCTYPE x SYSTEM \"file:///etc/passwd\">", "<div>".repeat(3000), "<table><tr><td>".repeat(1000),
        "<![CDATA[", "]]>", "<!--", "-->", "<script>", "</script>", "<style>", "&#0;", "&#x110000;", "&bogus;",
        "\u0000\u0001\u001f", "\uFEFF", "\uFFFE", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
        "<meta charset=\"shift_jis\">", "<meta charset=\"no-such-charset\">", "<a href=\"javascript:alert(1)\">x</a>",
        "<p>" + "word ".repeat(5000), "<item><title>t</title><link>http://127.0.0.1/a</link></item>",
        "<entry><title>t</title></entry>", "</channel>", "</rss>", "<html lang=\"xx-!!\">", "\r\r\n",
    };

    private final Random random;

    public Mutations(long seed) {
        this.random = new Random(seed);
    }

    /** A copy of {@code input} with one to four damages. */
    public byte[] damage(byte[] input) {
        byte[] out = input.clone();
        int damages = 1 + random.nextInt(4);
        for (int d = 0; d < damages; d++) {
            out = switch (out.length == 0 ? 4 : random.nextInt(5)) {
                case 0 -> overwrite(out);
                case 1 -> Arrays.copyOf(out, random.nextInt(out.length + 1));
                case 2 -> repeatPiece(out);
                case 3 -> leaveOutPiece(out);
                default -> insert(out, HOSTILE[random.nextInt(HOSTILE.length)].getBytes(StandardCharsets.UTF_8));
            };
        }
        return out;
    }

    private byte[] overwrite(byte[] b) {
        for (int k = 1 + random.nextInt(20); k > 0; k--) {
            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
        return b;
    }

    private byte[] repeatPiece(byte[] b) {
        int from = random.nextInt(b.length);
        int to = Math.min(b.length, from + random.nextInt(2000));
        return insert(b, Arrays.copyOfRange(b, from, to));
    }

    private byte[] leaveOutPiece(byte[] b) {
        int from = random.nextInt(b.length);
        int to = Math.min(b.length, from + random.nextInt(1000));
        return join(Arrays.copyOf(b, from), Arrays.copyOfRange(b, to, b.length));
    }

    private byte[] insert(byte[] b, byte[] piece) {
        int at = random.nextInt(b.length + 1);
        return join(Arrays.copyOf(b, at), piece, Arrays.copyOfRange(b, at, b.length));
    }

    private static byte[] join(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
