package dev.winnow.feed;

import dev.winnow.text.TextDecoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads a feed document from bytes: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 through Rome, JSON Feed 1.0/1.1
 * through Jackson. Tolerant like feedparser (charset recovery, junk, bad entities, bare ampersands,
 * unclosed CDATA, free-form dates), strict where it matters for safety: no DTD is processed, no entity
 * is resolved from outside the document, nothing is fetched. Links come out absolute, text fields as
 * plain text, content HTML cleaned with jsoup's safelist.
 */
public final class FeedParser {
    private final FeedSettings settings;
    private final RomeFeedReader xml;
    private final JsonFeedReader json;

    public FeedParser() {
        this(FeedSettings.defaults());
    }

    public FeedParser(FeedSettings settings) {
        this.settings = settings;
        this.xml = new RomeFeedReader(settings);
        this.json = new JsonFeedReader(settings);
    }

    /**
     * @param url         where the document came from (final URL after redirects); base for relative links
     * @param contentType the HTTP Content-Type, or null; its charset wins over the XML declaration
     * @throws FeedParseException with a one-line reason when nothing can be read
     */
    public ParsedFeed parse(byte[] body, String url, String contentType) throws FeedParseException {
        if (body == null || body.length == 0) {
            throw new FeedParseException("empty document");
        }
        byte[] b = isGzip(body) ? gunzip(body) : body;
        if (isJson(b, contentType)) {
            return json.read(b, url);
        }
        String text = TextDecoder.decode(b, contentType).text();
        if (text.isBlank()) {
            throw new FeedParseException("empty document (only whitespace)");
        }
        return xml.read(text, url);
    }

    private static boolean isGzip(byte[] b) {
        return b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
    }

    /** Some servers send the stored .gz file itself; inflate it, within the same byte cap. */
    private byte[] gunzip(byte[] body) throws FeedParseException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16 * 1024];
            for (int n; (n = in.read(buf)) != -1; ) {
                out.write(buf, 0, n);
                if (out.size() > settings.maxBodyBytes()) {
                    throw new FeedParseException("gzip body inflates beyond " + settings.maxBodyBytes() + " bytes");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new FeedParseException("corrupt gzip body: " + e.getMessage(), e);
        }
    }

    private static boolean isJson(byte[] b, String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return true;
        }
        int i = b.length > 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
        while (i < b.length && Character.isWhitespace(b[i])) {
            i++;
        }
        return i < b.length && b[i] == '{';
    }
}
