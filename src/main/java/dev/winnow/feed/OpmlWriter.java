package dev.winnow.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes a subscription list as OPML 2.0, with winnow's per-feed attributes, for {@code winnow feeds export}. */
public final class OpmlWriter {

    public String write(List<FeedSource> feeds, String title) {
        StringBuilder out = new StringBuilder(256 + feeds.size() * 128);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n");
        out.append("    <title>").append(escape(title == null ? "winnow subscriptions" : title)).append("</title>\n");
        out.append("    <dateCreated>")
                .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC)))
                .append("</dateCreated>\n  </head>\n  <body>\n");
        for (FeedSource f : feeds) {
            String name = f.title() == null ? f.url() : f.title();
            out.append("    <outline type=\"rss\" text=\"").append(escape(name)).append("\" title=\"").append(escape(name))
                    .append("\" xmlUrl=\"").append(escape(f.url())).append('"');
            if (f.interval() != null) {
                out.append(" winnowInterval=\"").append(format(f.interval())).append('"');
            }
            if (f.lang() != null) {
                out.append(" language=\"").append(escape(f.lang())).append('"');
            }
            out.append("/>\n");
        }
        return out.append("  </body>\n</opml>\n").toString();
    }

    public void write(List<FeedSource> feeds, String title, Path file) throws IOException {
        Files.writeString(file, write(feeds, title), StandardCharsets.UTF_8);
    }

    /** The largest whole unit, so that {@link OpmlReader} reads back the same duration. */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : XmlSalvage.dropForbiddenChars(s).toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\n' -> b.append("&#10;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
