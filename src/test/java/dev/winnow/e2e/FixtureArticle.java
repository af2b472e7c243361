package dev.winnow.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * One test article: its own paragraphs and an off-topic line injected at a position, as a scraped
 * news page would carry it.
 */
record FixtureArticle(String slug, String lang, String feed, String title, String author, String published,
                      List<String> paragraphs, int injectAt, String injected) {

    /** The body as the page shows it: the article's paragraphs with the intruder inserted. */
    List<String> bodyLines() {
        List<String> lines = new ArrayList<>(paragraphs);
        lines.add(injectAt, injected);
        return lines;
    }

    String path() {
        return "/" + lang + "/articles/" + slug + ".html";
    }

    /** Subheadings are rendered as headings: short lines without a final stop. */
    static boolean isSubheading(String line) {
        return line.length() < 60 && !line.endsWith(".");
    }
}
