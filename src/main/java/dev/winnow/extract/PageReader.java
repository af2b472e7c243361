package dev.winnow.extract;

import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Objects;

/**
 * A page's bytes, less the ranges {@link ScriptBodies} cut out, decoded straight from the page's array into the
 * parser's buffer. Handing jsoup a stream instead costs two more copies of every byte and a buffer wrapped on
 * each of the fifty-odd reads of a page (jsoup's stream wrapper and its reader), about 1.5% of a parse.
 *
 * <p>Malformed and unmappable bytes become U+FFFD, as in jsoup's own reader. The decoder reads the page's kept
 * ranges one after another as if they were one: a character cut short at the end of a range (which the cuts
 * {@code ScriptBodies} makes never leave, as each range ends just after a tag's '>') is completed from the next.
 */
final class PageReader extends Reader {
    private final byte[] bytes;
    private final int end;
    private final int[] cuts;
    private final CharsetDecoder decoder;
    private int nextCut;
    private ByteBuffer segment;
    /** Where the current segment ends in {@link #bytes}. */
    private int segmentEnd;
    private boolean decodedAll;
    private boolean finished;
    /** Chars decoded for a one-char read and not handed out yet: {@code spare[spareAt, spareEnd)}. */
    private final char[] spare = new char[2];
    private int spareAt;
    private int spareEnd;

    /**
     * {@code bytes[from, to)} less the {@code [start, end)} pairs of {@code cuts} (in order), read as
     * {@code charset}.
     */
    PageReader(byte[] bytes, int from, int to, int[] cuts, Charset charset) {
        this.bytes = bytes;
        this.end = to;
        this.cuts = cuts;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.segment = segmentFrom(from);
    }

    /** The bytes from {@code position} (or the end of the cut it falls in) to the next cut or the end. */
    private ByteBuffer segmentFrom(int position) {
        while (nextCut < cuts.length && position >= cuts[nextCut]) {
            position = Math.max(position, cuts[nextCut + 1]);
            nextCut += 2;
        }
        segmentEnd = Math.max(position, nextCut < cuts.length ? cuts[nextCut] : end);
        return ByteBuffer.wrap(bytes, position, segmentEnd - position);
    }

    @Override
    public int read(char[] into, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, into.length);
        if (length == 0) {
            return 0;
        }
        if (spareAt < spareEnd) {
            into[offset] = spare[spareAt++];
            return 1;
        }
        if (length > 1) {
            return decode(into, offset, length);
        }
        // One char of room cannot take a surrogate pair: decode into a pair's room and hand it out a char at a time.
        spareEnd = Math.max(0, decode(spare, 0, spare.length));
        spareAt = 0;
        if (spareEnd == 0) {
            return -1;
        }
        into[offset] = spare[spareAt++];
        return 1;
    }

    /** Decodes into {@code length >= 2} chars of {@code into}: some, or -1 at the end. */
    private int decode(char[] into, int offset, int length) {
        if (finished) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(into, offset, length);
        while (out.hasRemaining()) {
            if (!decodedAll) {
                boolean last = segmentEnd >= end;
                if (decoder.decode(segment, out, last).isOverflow()) {
                    break;
                }
                if (last) {
                    decodedAll = true;
                } else {
                    nextSegment();
                }
                continue;
            }
            finished = !decoder.flush(out).isOverflow();
            break;
        }
        int n = out.position() - offset;
        return n == 0 && finished ? -1 : n;
    }

    private void nextSegment() {
        ByteBuffer rest = segment;
        segment = segmentFrom(segmentEnd);
        if (rest.hasRemaining()) {
            segment = ByteBuffer.allocate(rest.remaining() + segment.remaining()).put(rest).put(segment).flip();
        }
    }

    @Override
    public void close() {
        finished = true;
    }
}
