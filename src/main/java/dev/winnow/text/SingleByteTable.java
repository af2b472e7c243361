package dev.winnow.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each byte means in a single-byte, ASCII-compatible charset (windows-1252, KOI8-R…): one char per
 * byte, so a page's strict decodability follows from which byte values it holds, and any stretch of it
 * decodes without the rest. Lets {@link CharsetGuess} judge such a charset without decoding whole pages.
 */
final class SingleByteTable {
    private static final Map<Charset, SingleByteTable> TABLES = new ConcurrentHashMap<>();
    /** Stands in the cache for a charset that is not single-byte and ASCII-compatible. */
    private static final SingleByteTable NONE = new SingleByteTable(new char[0], new boolean[0]);

    private final char[] chars;
    private final boolean[] mappable;

    private SingleByteTable(char[] chars, boolean[] mappable) {
        this.chars = chars;
        this.mappable = mappable;
    }

    /** The table of a single-byte charset whose bytes below 0x80 are ASCII, else null. */
    static SingleByteTable of(Charset charset) {
        SingleByteTable t = TABLES.computeIfAbsent(charset, SingleByteTable::build);
        return t == NONE ? null : t;
    }

    private static SingleByteTable build(Charset charset) {
        if (!charset.canEncode() || charset.newDecoder().maxCharsPerByte() != 1
                || charset.newEncoder().maxBytesPerChar() != 1) {
            return NONE;
        }
        char[] chars = new char[256];
        boolean[] mappable = new boolean[256];
        CharsetDecoder strict = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int b = 0; b < 256; b++) {
            byte[] one = {(byte) b};
            String s = new String(one, charset);
            if (s.length() != 1 || (b < 0x80 && s.charAt(0) != b)) {
                return NONE; // not one char per byte, or not ASCII below 0x80 (EBCDIC)
            }
            chars[b] = s.charAt(0);
            mappable[b] = decodes(strict, one);
        }
        return new SingleByteTable(chars, mappable);
    }

    private static boolean decodes(CharsetDecoder strict, byte[] one) {
        try {
            strict.reset().decode(ByteBuffer.wrap(one));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Whether bytes holding exactly the {@code present} non-ASCII values (indexed by byte value) decode
     * with no unmappable byte; ASCII always does.
     */
    boolean decodesStrictly(boolean[] present) {
        for (int b = 0x80; b < 256; b++) {
            if (present[b] && !mappable[b]) {
                return false;
            }
        }
        return true;
    }

    /** The char a byte stands for, the replacement character where the charset maps nothing. */
    char charOf(byte b) {
        return chars[b & 0xff];
    }
}
