package dev.winnow.extract;

import java.nio.charset.StandardCharsets;

/** Small hand-written page fragments shared by the extraction tests. */
final class Pages {
    static final String P1 = "The city council voted on Tuesday to expand the bus network, adding three new lines "
            + "that will connect the northern districts with the hospital, the university and the old harbour.";
    static final String P2 = "Officials said the first buses would run in the spring, once drivers are hired, and "
            + "that fares would stay the same for at least two years, despite rising fuel costs.";
    static final String P3 = "Residents of the northern districts, who have long complained about slow and crowded "
            + "connections, welcomed the plan, although some shop owners worry about the roadworks.";

    private Pages() {
    }

    static String article(String inside) {
        return "<!doctype html><html lang=en><head><title>Council expands bus network | Daily Example</title>"
                + "</head><body><nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></nav>"
                + "<article><h1>Council expands bus network</h1>" + inside + "</article>"
                + "<footer><p>Copyright Daily Example. All rights reserved, including those of reproduction.</p>"
                + "</footer></body></html>";
    }

    static String paragraphs() {
        return "<p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p>";
    }

    static ExtractedArticle extract(String html) {
        return new ArticleExtractor(ExtractSettings.defaults())
                .extract(new PageInput(html.getBytes(StandardCharsets.UTF_8), "https://news.example/a/1", null));
    }
}
