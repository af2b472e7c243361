package dev.winnow.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Metadata gathered from one page, filled by sources in decreasing order of trust: a field once set is
 * kept, so the first source that knows a value wins. Not thread-safe; one per extraction.
 */
final class PageMetadata {
    String title;
    final List<String> authors = new ArrayList<>();
    Instant published;
    Instant modified;
    String lang;
    String canonicalUrl;
    String siteName;
    String section;
    String description;
    String imageUrl;
    /** The article text a JSON-LD block carries, used when the DOM has none (script-rendered pages). */
    String articleBody;
    /** Whether some source declares the page an article (JSON-LD type, og:type). */
    boolean declaredArticle;

    void title(String v) {
        if (title == null) {
            title = clean(v);
        }
    }

    void author(String v) {
        String a = clean(v);
        if (a != null && a.length() <= 120 && !a.startsWith("http") && !authors.contains(a)) {
            authors.add(a);
        }
    }

    void published(Instant v) {
        if (published == null) {
            published = v;
        }
    }

    void modified(Instant v) {
        if (modified == null) {
            modified = v;
        }
    }

    void lang(String v) {
        if (lang == null) {
            lang = v;
        }
    }

    void canonicalUrl(String v) {
        if (canonicalUrl == null && v != null && (v.startsWith("http://") || v.startsWith("https://"))) {
            canonicalUrl = v;
        }
    }

    void siteName(String v) {
        if (siteName == null) {
            siteName = clean(v);
        }
    }

    void section(String v) {
        if (section == null) {
            section = clean(v);
        }
    }

    void description(String v) {
        if (description == null) {
            description = clean(v);
        }
    }

    void imageUrl(String v) {
        if (imageUrl == null && v != null && (v.startsWith("http://") || v.startsWith("https://"))) {
            imageUrl = v;
        }
    }

    void articleBody(String v) {
        if (articleBody == null) {
            articleBody = clean(v);
        }
    }

    private static String clean(String v) {
        if (v == null) {
            return null;
        }
        String s = v.replace('\u00a0', ' ').strip();
        return s.isEmpty() ? null : s;
    }
}
