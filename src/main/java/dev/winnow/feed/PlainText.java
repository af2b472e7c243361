package dev.winnow.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/** Text helpers shared by the feed readers: HTML to plain text, safe HTML, absolute links. */
final class PlainText {
    private static final Safelist CONTENT = Safelist.relaxed();
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private PlainText() {
    }

    /** Markup and entities removed, whitespace collapsed; null for null or blank input. */
    static String of(String maybeHtml) {
        if (maybeHtml == null) {
            return null;
        }
        String text;
        if (maybeHtml.indexOf('<') >= 0) {
            text = Jsoup.parse(maybeHtml).text();
        } else { // no markup: entities and whitespace are all there is to undo, no document to build
            String unescaped = maybeHtml.indexOf('&') >= 0 ? Parser.unescapeEntities(maybeHtml, false) : maybeHtml;
            text = WHITESPACE.matcher(unescaped.replace('\u00a0', ' ')).replaceAll(" ").strip();
        }
        return text.isEmpty() ? null : text;
    }

    /** HTML reduced to jsoup's relaxed safelist with links made absolute; scripts and handlers dropped. */
    static String safeHtml(String html, String baseUri) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String base = baseUri == null ? "" : baseUri;
        return Jsoup.clean(html, base, CONTENT);
    }

    /** {@code link} resolved against {@code base} when it is relative; null when it is no usable link. */
    static String absolute(String link, String base) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String l = link.strip();
        try {
            URI u = new URI(l.replace(" ", "%20"));
            if (u.isAbsolute() || base == null) {
                return u.isAbsolute() ? l : null;
            }
            return new URI(base.replace(" ", "%20")).resolve(u).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return l.startsWith("http://") || l.startsWith("https://") ? l : null;
        }
    }
}
