package dev.winnow.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.article.Block;
import dev.winnow.article.BlockType;
import dev.winnow.article.Removal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {

    private static String body(ExtractedArticle a) {
        return a.blocks().stream().map(Block::text).collect(Collectors.joining("\n"));
    }

    private static String reasonFor(ExtractedArticle a, String text) {
        for (Removal r : a.removed()) {
            if (r.text().contains(text)) {
                assertEquals("extract", r.stage());
                return r.reason();
            }
        }
        return null;
    }

    @Test
    void keepsTheArticleParagraphsInOrderAndDropsTheHeadline() {
        ExtractedArticle a = Pages.extract(Pages.article(Pages.paragraphs()));
        assertTrue(a.isArticle());
        assertEquals(List.of(Pages.P1, Pages.P2, Pages.P3), a.blocks().stream().map(Block::text).toList());
        assertEquals("Council expands bus network", a.title());
    }

    @Test
    void runsOfSpacesTabsAndLineBreaksInTextBecomeOneSpace() {
        String padded = "The new line   runs\t\tevery ten minutes\n        from the station"
                + "\u00a0\u00a0to the airport,          starting in May.";
        ExtractedArticle a = Pages.extract(Pages.article("<p>" + padded + "</p>" + Pages.paragraphs()));
        assertEquals("The new line runs every ten minutes from the station to the airport, starting in May.",
                a.blocks().get(0).text());
    }

    @Test
    void aShortArticleUnderItsHeadlineBeatsALongerPromoBoxElsewhere() {
        String promo = "<p>Our travel partners have selected the finest river cruises of the season for you with "
                + "cabins and excursions and meals and guided tours included, from the Danube to the Douro.</p>";
        String html = "<!doctype html><html lang=en><head><title>Council expands bus network | Daily Example"
                + "</title></head><body><main><div class=story><h1>Council expands bus network</h1><p>"
                + Pages.P1 + "</p><p>" + Pages.P2 + "</p></div></main><div class=col2><div><div class=inner>"
                + promo.repeat(12) + "</div></div></div></body></html>";
        ExtractedArticle a = Pages.extract(html);
        assertEquals(List.of(Pages.P1, Pages.P2), a.blocks().stream().map(Block::text).toList());
    }

    @Test
    void theBoxThatHoldsTheHeadlineDoesNotWidenToTheProseBesideIt() {
        String promo = "<div class=item><p>Readers also enjoyed these pieces from our weekend magazine "
                + "<a href=/m>on the coast, the hills and the quiet villages in between</a> this summer.</p></div>";
        String html = "<!doctype html><html lang=en><head><title>Council expands bus network | Daily Example"
                + "</title></head><body><div class=wrap><div class=story><h1>Council expands bus network</h1>"
                + Pages.paragraphs() + "</div><div class=col><div class=list>" + promo.repeat(8)
                + "</div></div></div></body></html>";
        ExtractedArticle a = Pages.extract(html);
        assertEquals(List.of(Pages.P1, Pages.P2, Pages.P3), a.blocks().stream().map(Block::text).toList());
    }

    @Test
    void mainBodyWinsOverSidebarCommentsAndMostRead() {
        String sidebar = "<div class=\"col-right\"><h3>Most read</h3><ul>"
                + "<li><a href=/1>Local team wins the regional cup after a dramatic penalty shoot-out</a></li>"
                + "<li><a href=/2>Storm warning for the weekend: what you need to know before travelling</a></li>"
                + "</ul></div>";
        String comments = "<div id=comments><p>I have waited for this bus line for years, finally something good "
                + "happens in our district, thanks to everyone who signed the petition.</p></div>";
        String html = "<html><body><div class=wrapper><div class=\"story-body\">" + Pages.paragraphs()
                + "</div>" + comments + "</div>" + sidebar + "</body></html>";
        ExtractedArticle a = Pages.extract(html);
        String text = body(a);
        assertTrue(text.contains(Pages.P1) && text.contains(Pages.P3));
        assertFalse(text.contains("penalty shoot-out"));
        assertFalse(text.contains("waited for this bus line"));
    }

    @Test
    void dropsStructuralJunkInsideTheBodyWithReasons() {
        String inside = "<div class=\"share-tools\"><a href=#>Facebook</a> <a href=#>Twitter</a></div>"
                + "<p>" + Pages.P1 + "</p>"
                + "<div class=\"newsletter-box\"><p>Get our morning briefing in your inbox every day.</p>"
                + "<form><input type=email></form></div>"
                + "<p>" + Pages.P2 + "</p>"
                + "<div id=\"cookie-notice\"><p>We use cookies to improve your experience on this site.</p></div>"
                + "<div class=\"ad-slot\"><p>Advertisement: the best mattresses of the year, on sale.</p></div>"
                + "<section class=\"related-articles\"><h2>Related</h2><p><a href=/x>Bus fares frozen "
                + "for two years</a></p></section>"
                + "<p>" + Pages.P3 + "</p>";
        ExtractedArticle a = Pages.extract(Pages.article(inside));
        assertEquals(List.of(Pages.P1, Pages.P2, Pages.P3), a.blocks().stream().map(Block::text).toList());
        assertEquals("share", reasonFor(a, "Facebook"));
        assertEquals("newsletter", reasonFor(a, "morning briefing"));
        assertEquals("cookie", reasonFor(a, "We use cookies"));
        assertEquals("ad", reasonFor(a, "best mattresses"));
        assertEquals("related", reasonFor(a, "Bus fares frozen"));
    }

    @Test
    void dropsInlineReadAlsoLinesInSeveralLanguages() {
        String inside = "<p>" + Pages.P1 + "</p>"
                + "<p><strong>LEE TAMBIÉN:</strong> <a href=/y>El alcalde presenta su plan de movilidad</a></p>"
                + "<p>" + Pages.P2 + "</p>"
                + "<p>Te puede interesar: <a href=/z>Nuevas tarifas para el metro</a></p>"
                + "<p>Lesen Sie auch: Die Stadt plant neue Radwege</p>"
                + "<p>Read more: <a href=/w>How the bus plan was drawn up</a></p>"
                + "<p>Leia também: Prefeitura anuncia novas linhas</p>"
                + "<p>» Lire aussi : la ville prépare ses nouvelles lignes</p>"
                + "<p>" + Pages.P3 + "</p>";
        ExtractedArticle a = Pages.extract(Pages.article(inside));
        assertEquals(List.of(Pages.P1, Pages.P2, Pages.P3), a.blocks().stream().map(Block::text).toList());
        for (String promo : List.of("LEE TAMBIÉN", "Te puede interesar", "Lesen Sie auch", "Read more",
                "Leia também", "Lire aussi")) {
            assertEquals("related", reasonFor(a, promo), promo);
        }
    }

    @Test
    void ordinarySentencesThatStartLikeLabelsAreKept() {
        String line = "Related to the plan, the council will also review taxi licences, the mayor said on Tuesday.";
        ExtractedArticle a = Pages.extract(Pages.article(Pages.paragraphs() + "<p>" + line + "</p>"));
        assertTrue(body(a).contains(line));
    }

    @Test
    void keepsSubheadingsListsQuotesAndCaptionsWithTheirTypes() {
        String inside = "<p>" + Pages.P1 + "</p><h2>What changes for riders</h2>"
                + "<ul><li>Line 14 runs every ten minutes.</li><li>Line 15 reaches the harbour.</li></ul>"
                + "<blockquote><p>This is the biggest change in twenty years.</p></blockquote>"
                + "<figure><img src=bus.jpg><figcaption>A new electric bus at the depot.</figcaption></figure>"
                + "<p>" + Pages.P2 + "</p><p>" + Pages.P3 + "</p>";
        ExtractedArticle a = Pages.extract(Pages.article(inside));
        assertTrue(a.blocks().contains(new Block(BlockType.HEADING, "What changes for riders")));
        assertTrue(a.blocks().contains(new Block(BlockType.LIST_ITEM, "Line 14 runs every ten minutes.")));
        assertTrue(a.blocks().contains(new Block(BlockType.QUOTE, "This is the biggest change in twenty years.")));
        assertTrue(a.blocks().contains(new Block(BlockType.CAPTION, "A new electric bus at the depot.")));
    }

    @Test
    void dropsBylineRepeatedInTheBodyAndImageCredits() {
        String head = "<meta name=author content=\"Ana Pérez\">";
        String html = "<html><head>" + head + "</head><body><article><p>Ana Pérez</p>"
                + "<p>By Ana Pérez and Tom Li</p><p>" + Pages.P1 + "</p><p>Photo: Tom Li / Reuters</p>"
                + "<p>" + Pages.P2 + "</p><p>" + Pages.P3 + "</p></article></body></html>";
        ExtractedArticle a = Pages.extract(html);
        assertEquals(List.of(Pages.P1, Pages.P2, Pages.P3), a.blocks().stream().map(Block::text).toList());
        assertEquals("byline", reasonFor(a, "By Ana Pérez"));
        assertEquals("image-credit", reasonFor(a, "Photo: Tom Li"));
    }

    @Test
    void timestampsAndRowsOfFiguresInTheBodyAreKept() {
        // A live blog's entries under their times, and a table of figures set as lines: the article's own.
        String html = "<html><body><article><p>" + Pages.P1 + "</p><p>10:32 AM</p><p>" + Pages.P2
                + "</p><p>Monday, October 22, 2012 3:29 PM</p><p>" + Pages.P3 + "</p><p>8 1 6 15</p>"
                + "<p>3 5 7 15</p></article></body></html>";
        ExtractedArticle a = Pages.extract(html);
        assertEquals(List.of(Pages.P1, "10:32 AM", Pages.P2, "Monday, October 22, 2012 3:29 PM", Pages.P3,
                "8 1 6 15", "3 5 7 15"), a.blocks().stream().map(Block::text).toList());
    }

    @Test
    void sentencesAboutAPodcastOrAWebinarAreKept() {
        // Naming a show and an invitation ("listen to", "download") is how an article about one reads too.
        String html = "<html><body><article><p>" + Pages.P1 + "</p>"
                + "<p>You can listen to the show on your computer or download it as a podcast.</p><p>" + Pages.P2
                + "</p><p>The new podcast covers four tips for using psychology at depositions.</p><p>" + Pages.P3
                + "</p></article></body></html>";
        ExtractedArticle a = Pages.extract(html);
        assertTrue(body(a).contains("download it as a podcast"), body(a));
        assertTrue(body(a).contains("The new podcast covers four tips"), body(a));
    }

    @Test
    void listPageIsNotAnArticle() {
        StringBuilder html = new StringBuilder("<html><body><main><h1>Latest news</h1>");
        for (int i = 0; i < 20; i++) {
            html.append("<div class=item><h2><a href=/n/").append(i).append(">Headline number ").append(i)
                    .append(" about something that happened in the city today</a></h2><p>A teaser that sums up ")
                    .append("story ").append(i).append(", in a sentence or two, before the reader clicks.</p></div>");
        }
        ExtractedArticle a = Pages.extract(html.append("</main></body></html>").toString());
        assertFalse(a.isArticle());
        assertEquals("list page", a.notArticleReason());
        assertTrue(a.blocks().isEmpty());
    }

    @Test
    void shortArticleWithRelatedHeadlinesAndSidebarInItsBoxIsNotAListPage() {
        StringBuilder related = new StringBuilder("<div class=related>");
        for (int i = 0; i < 8; i++) {
            related.append("<h3><a href=/r/").append(i).append(">Another story number ").append(i)
                    .append(" from the same desk</a></h3>");
        }
        StringBuilder sidebar = new StringBuilder("<div class=sidebar><ul>");
        for (int i = 0; i < 25; i++) {
            sidebar.append("<li><a href=/s/").append(i).append(">Section link number ").append(i).append("</a></li>");
        }
        String html = "<html><body><article><h1>Council expands bus network</h1>" + Pages.paragraphs()
                + related.append("</div>") + sidebar.append("</ul></div>") + "</article></body></html>";
        ExtractedArticle a = Pages.extract(html);
        assertTrue(a.isArticle(), () -> "not an article: " + a.notArticleReason());
        assertEquals(List.of(Pages.P1, Pages.P2, Pages.P3), a.blocks().stream().map(Block::text).toList());
    }

    @Test
    void postSetInAnAsideItsClassNamesAsAPostIsTheArticle() {
        String html = "<html><body><aside class=blogPost><h1>Council expands bus network</h1>"
                + Pages.paragraphs() + "</aside><aside class=widgets><ul><li><a href=/a>Archive</a></li>"
                + "<li><a href=/b>About this blog</a></li></ul></aside></body></html>";
        ExtractedArticle a = Pages.extract(html);
        assertTrue(a.isArticle(), () -> "not an article: " + a.notArticleReason());
        assertEquals(List.of(Pages.P1, Pages.P2, Pages.P3), a.blocks().stream().map(Block::text).toList());
    }

    @Test
    void shortPostAmongManyLinkedCaptionsKeepsItsParagraph() {
        StringBuilder fronts = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            fronts.append("<p><a href=/front/").append(i).append(">Front page of the morning paper number ")
                    .append(i).append("</a></p>");
        }
        String html = "<html><body><div class=post><h1>Front pages of the day</h1><div class=post-text><p>" + Pages.P1
                + "</p>" + fronts + "</div></div></body></html>";
        ExtractedArticle a = Pages.extract(html);
        assertTrue(a.isArticle(), () -> "not an article: " + a.notArticleReason());
        assertTrue(body(a).contains(Pages.P1));
    }

    @Test
    void scriptOnlyPageIsNotAnArticle() {
        ExtractedArticle a = Pages.extract("<html><head><script>render()</script></head><body>"
                + "<div id=app></div><script src=app.js></script></body></html>");
        assertEquals("script-only page", a.notArticleReason());
    }

    @Test
    void scriptRenderedPageFallsBackToJsonLdArticleBody() {
        String ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Buses\","
                + "\"articleBody\":\"" + Pages.P1 + "\\n" + Pages.P2 + "\"}</script>";
        ExtractedArticle a = Pages.extract("<html><head>" + ld + "</head><body><div id=app></div></body></html>");
        assertTrue(a.isArticle());
        assertEquals(List.of(Pages.P1, Pages.P2), a.blocks().stream().map(Block::text).toList());
    }

    @Test
    void emptyAndGarbageInputDoNotThrow() {
        ArticleExtractor x = new ArticleExtractor(ExtractSettings.defaults());
        assertEquals("empty page", x.extract(new PageInput(new byte[0], null, null)).notArticleReason());
        byte[] garbage = new byte[5000];
        new java.util.Random(1).nextBytes(garbage);
        assertFalse(x.extract(new PageInput(garbage, "not a url", "text/html; charset=bogus")).isArticle());
    }

    @Test
    void unclosedTagsStillYieldTheBody() {
        String html = "<html><body><div class=content><p>" + Pages.P1 + "<p>" + Pages.P2 + "<div><p>" + Pages.P3
                + "<b><i>";
        ExtractedArticle a = Pages.extract(html);
        assertTrue(body(a).contains(Pages.P1) && body(a).contains(Pages.P3));
    }

    @Test
    void hugePageIsCutNotFatal() {
        StringBuilder html = new StringBuilder("<html><body><article>").append(Pages.paragraphs());
        while (html.length() < 3_000_000) {
            html.append("<p>").append(Pages.P2).append("</p>");
        }
        ExtractSettings small = new ExtractSettings(1_000_000, 100_000, 300, 25, 200, 0.5, 0.4, true);
        ExtractedArticle a = new ArticleExtractor(small).extract(
                new PageInput(html.toString().getBytes(StandardCharsets.UTF_8), "https://news.example/", null));
        assertTrue(a.isArticle());
        assertTrue(a.blocks().size() < 6000, "cut at the byte cap");
    }

    @Test
    void deepNestingIsNotFatal() {
        String html = "<html><body>" + "<div>".repeat(100_000) + "<p>" + Pages.P1 + "</p></body></html>";
        ExtractedArticle a = Pages.extract(html);
        assertNotNull(a);
        assertEquals("no text within the depth and element caps", a.notArticleReason());
        ExtractedArticle shallow = Pages.extract("<html><body>" + "<div>".repeat(50) + Pages.paragraphs()
                + "</body></html>");
        assertTrue(shallow.isArticle());
    }

    @Test
    void isSafeToShareAcrossThreads() throws Exception {
        ArticleExtractor x = new ArticleExtractor(ExtractSettings.defaults());
        byte[] page = Pages.article(Pages.paragraphs()).getBytes(StandardCharsets.UTF_8);
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    if (x.extract(new PageInput(page, "https://news.example/", null)).blocks().size() == 3) {
                        ok.incrementAndGet();
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(200, ok.get());
    }

    @Test
    void classesThatNameAStateOrTaxonomyDoNotMakeJunk() {
        String html = "<html><body><article class=\"post tag-share category-ads has-sidebar\">"
                + "<div class=\"entry-content entry-content-read-more\">" + Pages.paragraphs() + "</div>"
                + "</article></body></html>";
        assertEquals(List.of(Pages.P1, Pages.P2, Pages.P3), Pages.extract(html).blocks().stream().map(Block::text).toList());
    }

    @Test
    void aTaxonomyTermInsideAClassTokenDoesNotMakeJunk() {
        // Blog engines name a post's box after its terms: "entry-category-legal_affairs".
        String archive = "<li><a href=/2012/10>Stories of October, with the month's long list of every post</a></li>";
        String html = "<html><body><div class=\"entry-category-legal_affairs entry-category-courts entry\">"
                + "<div class=\"entry-body\">" + Pages.paragraphs() + "</div></div>"
                + "<div class=module><h2>Archives</h2><ul>" + archive.repeat(12) + "</ul></div></body></html>";
        assertEquals(List.of(Pages.P1, Pages.P2, Pages.P3), Pages.extract(html).blocks().stream().map(Block::text).toList());
    }

    @Test
    void commentBoxesWhoseClassJoinsTheWordsAreComments() {
        String comment = "<div class=\"commentbody\"><p>I have waited for this bus line for years, finally something "
                + "good happens in our district, thanks to everyone who signed the petition.</p></div>";
        String html = "<html><body><div class=blog><h2>Council expands bus network</h2>" + Pages.paragraphs()
                + "<div class=\"commentlist\"><h2>Comments</h2>" + comment.repeat(3) + "</div></div></body></html>";
        String text = body(Pages.extract(html));
        assertTrue(text.contains(Pages.P1) && text.contains(Pages.P3));
        assertFalse(text.contains("waited for this bus line"));
    }

    /** The article's paragraphs followed by {@code after}: the body stays whole and {@code text} goes for {@code reason}. */
    private static void assertDroppedAfterTheBody(String after, String text, String reason) {
        ExtractedArticle a = Pages.extract(Pages.article(Pages.paragraphs() + after));
        assertEquals(List.of(Pages.P1, Pages.P2, Pages.P3), a.blocks().stream().map(Block::text).toList());
        assertEquals(reason, reasonFor(a, text));
    }

    @Test
    void aCommentsLabelAfterTheArticleEndsIt() {
        // Old blog themes set the comments as plain paragraphs after a label, in the post's own box.
        assertDroppedAfterTheBody("<h3>2 Comments</h3><p>I have waited for this bus line for years, finally something "
                + "good happens in our district, thanks to everyone who signed the petition.</p><p>Great news, but the "
                + "roadworks on the harbour road will be a nightmare for the shops all through the summer.</p>"
                + "<h3>Post a comment</h3><p>Name:</p>", "waited for this bus line", "comments");
    }

    @Test
    void theAuthorsProfileBoxIsNotArticleText() {
        assertDroppedAfterTheBody("<div class=\"profile\"><p class=\"bio\">Jane Doe is a senior editor at the Daily "
                + "Example, where she writes about transport, cities and the people who run them.</p></div>",
                "senior editor", "byline");
    }

    @Test
    void thePostsMetadataBoxIsNotArticleTextWhateverWordsItsClassJoins() {
        assertDroppedAfterTheBody("<div class=\"postmetadata\"><p>This entry was posted on Tuesday and is filed under "
                + "Transport. You can follow any responses to this entry through the feed, or leave a response.</p></div>",
                "follow any responses", "byline");
    }

    @Test
    void proseWithManyInlineLinksIsKeptButLinkListsAreNot() {
        String linked = "<div><p>The <a href=/a>council</a>, led by <a href=/b>the mayor</a>, met the "
                + "<a href=/c>unions</a>, the <a href=/d>drivers</a> and <a href=/e>residents</a>, who asked for "
                + "<a href=/f>more buses on the night lines</a>.</p></div>";
        String list = "<div><a href=/1>Storm warning for the weekend ahead</a> <a href=/2>Local team wins the "
                + "regional cup</a> <a href=/3>New library opens its doors</a></div>";
        ExtractedArticle a = Pages.extract(Pages.article(Pages.paragraphs() + linked + list));
        assertTrue(body(a).contains("who asked for more buses on the night lines"));
        assertFalse(body(a).contains("Storm warning"));
        assertEquals("link-dense", reasonFor(a, "Storm warning"));
    }

    @Test
    void leadParagraphInTheArticleHeaderJoinsTheBody() {
        String lead = "The city will add three bus lines next spring, the council decided on Tuesday after a "
                + "long debate, answering years of complaints from the northern districts about slow and crowded buses "
                + "that never run on time.";
        String html = "<html><body><div class=page><div class=\"article-header\"><h1>Buses</h1><p class=lead>"
                + lead + "</p></div><div class=\"article-body\">" + Pages.paragraphs() + "</div></div>"
                + "</body></html>";
        ExtractedArticle a = Pages.extract(html);
        assertEquals(lead, a.blocks().get(0).text());
    }

    @Test
    void dropsAnEmbeddedPostMadeOfItsLinksAsAnEmbed() {
        String post = "<blockquote class=\"instagram-media\"><div><a href=\"https://www.instagram.com/p/x/\">View this "
                + "post on Instagram</a></div><p><a href=\"https://www.instagram.com/p/x/\">A post shared by City Hall "
                + "(@cityhall)</a> on Jun 16, 2019</p></blockquote>";
        ExtractedArticle a = Pages.extract(Pages.article(Pages.paragraphs() + post));
        assertFalse(body(a).contains("View this post"));
        assertEquals("embed", reasonFor(a, "View this post"));
    }

    @Test
    void aTweetTheArticleQuotesIsKeptAsAQuote() {
        String tweet = "<div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\"><p>Big news for riders "
                + "in the north today! <a href=\"https://t.co/x\">pic.twitter.com/x</a></p>&mdash; City Hall (@cityhall) "
                + "<a href=\"https://twitter.com/cityhall/status/1\">November 18, 2019</a></blockquote>"
                + "<script src=\"https://platform.twitter.com/widgets.js\"></script></div>";
        ExtractedArticle a = Pages.extract(Pages.article("<p>" + Pages.P1 + "</p>" + tweet + "<p>" + Pages.P2
                + "</p><p>" + Pages.P3 + "</p>"));
        assertTrue(body(a).contains("Big news for riders in the north today!"), body(a));
        assertTrue(body(a).contains("City Hall (@cityhall) November 18, 2019"), body(a));
        assertTrue(a.blocks().stream().anyMatch(b -> b.type() == BlockType.QUOTE && b.text().startsWith("Big news")));
    }

    @Test
    void aLinkThatShowsItsOwnAddressIsACitedSourceNotALinkLine() {
        String source = "<p><a href=\"http://www.example.org/reports/2019/bus-network-review.pdf\">"
                + "http://www.example.org/reports/2019/bus-network-review.pdf</a></p>";
        String other = "<p><a href=\"/news/2\">Storm warning issued for the weekend ahead</a></p>";
        ExtractedArticle a = Pages.extract(Pages.article("<p>" + Pages.P1 + "</p>" + source + "<p>" + Pages.P2
                + "</p>" + other + "<p>" + Pages.P3 + "</p>"));
        assertTrue(body(a).contains("http://www.example.org/reports/2019/bus-network-review.pdf"), body(a));
        assertEquals("link-dense", reasonFor(a, "Storm warning"));
    }

    @Test
    void aRunOfAddressLinksIsALinkListNotCitedSources() {
        String links = "<p><a href=\"http://www.example.org/a\">http://www.example.org/a</a></p>"
                + "<p><a href=\"http://www.example.net/b\">http://www.example.net/b</a></p>";
        ExtractedArticle a = Pages.extract(Pages.article(Pages.paragraphs() + links));
        assertFalse(body(a).contains("www.example.org/a"), body(a));
        assertEquals("link-dense", reasonFor(a, "www.example.net/b"));
    }

    @Test
    void pageDeclaredUtf8ButWrittenInWindows1252IsReadWithoutMojibake() {
        String p = "La alcaldía anunció más líneas de autobús para el año próximo, según informó el "
                + "ayuntamiento, que también prometió señales nuevas en cada parada del recorrido.";
        String html = "<html><head><meta charset=utf-8></head><body><article><p>" + p + "</p><p>" + p
                + " Además, habrá tarifas reducidas.</p></article></body></html>";
        byte[] bytes = html.getBytes(java.nio.charset.Charset.forName("windows-1252"));
        ExtractedArticle a = new ArticleExtractor(ExtractSettings.defaults())
                .extract(new PageInput(bytes, "https://news.example/", "text/html; charset=UTF-8"));
        assertEquals(p, a.blocks().get(0).text());
    }

    @Test
    void keepsALeadSetInHeadingTypeSeveralLevelsAboveTheBody() {
        String lead = "Three new lines will connect the northern districts with the hospital and the harbour, "
                + "the council decided on Tuesday evening after a long and heated debate about costs, routes and the "
                + "timetable for the first year.";
        String html = "<html><body><main><article><header class=post-header><h1>Council expands bus network</h1>"
                + "<div class=post-lead><h2>" + lead + "</h2></div></header>"
                + "<div class=post-main><div class=row><div class=col><div class=text>" + Pages.paragraphs()
                + "</div></div></div></div></article></main></body></html>";
        String text = body(Pages.extract(html));
        assertTrue(text.startsWith(lead), text);
        assertTrue(text.contains(Pages.P3));
    }

    @Test
    void aMainRegionIsNeverJunkByItsClassWords() {
        String html = "<html><body><nav><a href=/>Home</a></nav><main id=skip-main class=main>"
                + Pages.paragraphs() + "</main></body></html>";
        String text = body(Pages.extract(html));
        assertTrue(text.contains(Pages.P1) && text.contains(Pages.P3), text);
    }

    @Test
    void dropsGalleryCarouselsAndSlideCountsWithReasons() {
        String gallery = "<div class=\"gallery gallery--slider\"><figure><img src=a.jpg><figcaption>1of4A shopper looks "
                + "at extension cords at the hardware store, Tuesday, in preparation of the planned outage."
                + "</figcaption></figure><div class=count>4</div></div>";
        String html = Pages.article(gallery + Pages.paragraphs() + "<p>4</p>");
        ExtractedArticle a = Pages.extract(html);
        String text = body(a);
        assertFalse(text.contains("extension cords"), text);
        assertFalse(text.lines().anyMatch(l -> l.equals("4")), text);
        assertEquals("gallery", reasonFor(a, "extension cords"));
        assertTrue(a.removed().stream().anyMatch(r -> r.text().equals("4") && r.reason().equals("counter")));
    }

    @Test
    void keepsAShortLeadItsClassNamesSoButNotAPictureBoxBeforeTheBody() {
        String lead = "El ayuntamiento aprobó tres nuevas líneas de autobús para los barrios del norte.";
        String html = "<html><body><article><header><h1>Council expands bus network</h1>"
                + "<p class=bajada>" + lead + "</p></header><div class=hero><figure><img src=a.jpg><figcaption>"
                + "<p>The new buses parked at the depot on Monday morning, ahead of the first test drives on the "
                + "northern routes, with drivers and officials looking on.</p></figcaption></figure></div>"
                + "<div class=wrap><div class=inner><div class=text>" + Pages.paragraphs()
                + "</div></div></div></article></body></html>";
        String text = body(Pages.extract(html));
        assertTrue(text.startsWith(lead), text);
        assertFalse(text.contains("parked at the depot"), text);
    }

    @Test
    void linkHeavyArticleIsAnArticleNotAListPage() {
        StringBuilder html = new StringBuilder("<html><head><title>Week in review</title></head><body><article>");
        for (int i = 0; i < 6; i++) {
            html.append("<p>This week <a href=/s/").append(i).append(">the label dropped its streaming prices</a>, ")
                    .append("<a href=/t/").append(i).append(">two stores closed their music shelves</a> and a court ")
                    .append("<a href=/u/").append(i).append(">ruled on the royalties case</a>, as we reported here ")
                    .append("on Monday, and the week ended with more questions than answers.</p>");
        }
        ExtractedArticle a = Pages.extract(html.append("</article></body></html>").toString());
        assertTrue(a.isArticle(), a.notArticleReason());
        assertEquals(6, a.blocks().size());
    }

    @Test
    void shortRealArticleIsExtractedButAPageWithoutASentenceIsNot() {
        String brief = "<p>The bridge on Mill Road reopens on Monday after three weeks of repairs.</p>";
        ExtractedArticle a = Pages.extract(Pages.article(brief));
        assertTrue(a.isArticle(), a.notArticleReason());
        assertEquals("The bridge on Mill Road reopens on Monday after three weeks of repairs.", body(a));
        ExtractedArticle notFound = Pages.extract("<html><body><div><p>Page not found.</p></div></body></html>");
        assertFalse(notFound.isArticle());
    }

    @Test
    void aParagraphSaidTwiceIsKeptTwice() {
        String refrain = "<p>" + Pages.P1 + "</p><p>" + Pages.P2 + "</p><p>" + Pages.P1 + "</p>";
        ExtractedArticle a = Pages.extract(Pages.article(refrain));
        assertEquals(List.of(Pages.P1, Pages.P2, Pages.P1), a.blocks().stream().map(Block::text).toList());
    }

    @Test
    void articleSetWithLineBreaksInOneBoxWinsOverASmallBoxWithAContentClass() {
        String lines = (Pages.P1 + "<br>" + Pages.P2 + "<br>" + Pages.P3 + "<br>").repeat(2);
        String html = "<html><body><table><tr><td><div class=\"txt-content-small\"><p>Updated at noon, by the "
                + "desk editor, for the day, on duty</p></div></td></tr><tr><td><div><p>" + lines + "</p></div></td></tr>"
                + "</table></body></html>";
        String text = body(Pages.extract(html));
        assertTrue(text.contains(Pages.P3), text);
        assertFalse(text.contains("desk editor"), text);
    }

    @Test
    void aBoxNamedForTheFooterThatHoldsThePageIsALayoutRegion() {
        String html = "<html><body><div id=\"region-body-and-footer\"><div class=main>" + Pages.paragraphs()
                + Pages.paragraphs() + "</div><div class=small>Copyright 2008 Example Ltd</div></div></body></html>";
        ExtractedArticle a = Pages.extract(html);
        assertTrue(a.isArticle(), a.notArticleReason());
        assertTrue(body(a).contains(Pages.P2));
    }

    @Test
    void aLinkLeftOpenAroundTheArticleDoesNotMakeItALinkList() {
        String html = "<html><body><a href=/home>Home<div class=page>" + Pages.paragraphs() + Pages.paragraphs()
                + Pages.paragraphs() + "</div></body></html>";
        ExtractedArticle a = Pages.extract(html);
        assertTrue(a.isArticle(), a.notArticleReason());
        assertTrue(body(a).contains(Pages.P3));
    }

    @Test
    void theBodyDoesNotRepeatTheHeadlineWhateverElementHoldsIt() {
        String html = "<html><head><meta property=og:title content=\"Council expands bus network\"></head><body>"
                + "<div class=story><h2>Council expands bus network</h2>" + Pages.paragraphs() + "</div></body></html>";
        ExtractedArticle a = Pages.extract(html);
        assertEquals("Council expands bus network", a.title());
        assertEquals(List.of(Pages.P1, Pages.P2, Pages.P3), a.blocks().stream().map(Block::text).toList());
        assertEquals("title", reasonFor(a, "Council expands bus network"));
    }

    @Test
    void aBodySplitIntoBoxesOfTheSameKindFarApartIsReadWhole() {
        String first = "<p>" + Pages.P1 + "</p><p>" + Pages.P2 + "</p><p>" + Pages.P3 + "</p>";
        String second = (Pages.paragraphs()).repeat(3);
        String html = "<html><body><article><div class=part><div class=\"story-body story-body-1\">" + first
                + "</div></div><div class=media><figure><img src=a.jpg><figcaption>The depot</figcaption></figure>"
                + "</div><div class=part><div class=\"story-body story-body-2\">" + second + "</div></div>"
                + "</article></body></html>";
        List<String> blocks = Pages.extract(html).blocks().stream().map(Block::text).toList();
        assertEquals(Pages.P1, blocks.get(0));
        assertEquals(12, blocks.stream().filter(t -> !t.equals("The depot")).count());
    }

    @Test
    void teaserExcerptsOfOtherPostsAreNotMoreOfTheArticle() {
        String excerpt = "<p>Another story from the archive, told briefly in a couple of sentences, with a link to "
                + "read the rest of it on its own page.</p>";
        String html = "<html><body><div class=post><div class=entry-content>" + Pages.paragraphs().repeat(2)
                + "</div></div><div class=more><div class=post><div class=entry-content>" + excerpt
                + "</div></div><div class=post><div class=entry-content>" + excerpt + "</div></div></div></body></html>";
        assertFalse(body(Pages.extract(html)).contains("Another story from the archive"));
    }

    @Test
    void aLinkedHeadlineListAroundAnArticleParagraphIsNotAListPage() {
        StringBuilder html = new StringBuilder("<html><body><main><p>").append(Pages.P1).append(' ')
                .append(Pages.P2).append(' ').append(Pages.P3).append("</p>");
        for (int i = 0; i < 8; i++) {
            html.append("<h3><a href=/n/").append(i).append(">Other headline number ").append(i)
                    .append(" about the city council, its buses and the trams of the south</a></h3>")
                    .append("<p>A line of teaser text under it, short.</p>");
        }
        ExtractedArticle a = Pages.extract(html.append("</main></body></html>").toString());
        assertTrue(a.isArticle(), a.notArticleReason());
    }

    @Test
    void aBoxWithALongParagraphAmongManyLinksKeepsTheParagraphAndDropsTheLinks() {
        StringBuilder links = new StringBuilder("<ul>");
        for (int i = 0; i < 40; i++) {
            links.append("<li><a href=/t/").append(i).append(">Another tag page about city transport ").append(i)
                    .append("</a></li>");
        }
        String box = "<div class=box><p>" + Pages.P1 + " " + Pages.P2 + " " + Pages.P3 + "</p>" + links + "</ul></div>";
        ExtractedArticle a = Pages.extract(Pages.article("<p>" + Pages.P2 + "</p>" + box));
        assertTrue(body(a).contains(Pages.P1 + " " + Pages.P2), body(a));
        assertFalse(body(a).contains("Another tag page"), body(a));
    }

    @Test
    void sectionsInsideUnclosedNamedAnchorsAreProseNotLinks() {
        // An old page's jump targets, <a name> left open: each wraps the section after it.
        String html = "<html><body><div><a href=/>Home</a> <a href=/about>About</a></div><div id=body>"
                + "<p><a href=#one>One</a></p><p><a href=#two>Two</a></p>"
                + "<a name=one><h2>One</h2><p>" + Pages.P1 + "</p><p>" + Pages.P2 + "</p>"
                + "<a name=two><h2>Two</h2><p>" + Pages.P3 + "</p><p>" + Pages.P1 + "</p>"
                + "</div></body></html>";
        ExtractedArticle a = Pages.extract(html);
        assertTrue(a.isArticle(), a.notArticleReason());
        assertTrue(body(a).contains(Pages.P2), body(a));
        assertTrue(body(a).contains(Pages.P3), body(a));
        assertFalse(body(a).contains("About"), body(a));
    }

    @Test
    void paragraphsAfterTheLayoutTableBelowAPictureAreMoreOfTheArticle() {
        // Old layout: the article starts in a table cell and goes on as plain paragraphs after the table.
        String after = "<table><tr><td><img src=a.jpg></td></tr><tr><td>A bus at the new terminal</td></tr></table>"
                + "<h4>Fares</h4><p>" + Pages.P3 + " " + Pages.P2 + "</p>"
                + "<div class=label>Comments</div><p>I have waited for this bus line for years, finally something "
                + "good happens in our district, thanks to everyone who signed the petition.</p>";
        String html = "<html><body><table><tr><td width=10%><a href=/>Home</a><br><a href=/news>News</a></td>"
                + "<td width=90%><p>" + Pages.P1 + "</p><p>" + Pages.P2 + "</p><p>" + Pages.P1 + "</p></td></tr>"
                + "</table>" + after + "</body></html>";
        ExtractedArticle a = Pages.extract(html);
        assertTrue(body(a).contains(Pages.P2), body(a));
        assertTrue(body(a).contains("Fares\n" + Pages.P3), body(a));
        assertFalse(body(a).contains("waited for this bus line"), body(a));
    }

    @Test
    void aLegacyEncodedPageDeclaredUtf8IsReadInItsRealCharset() {
        String accented = "<p>El alcalde Gómez anunció que las líneas nuevas llegarán al hospital, a la universidad "
                + "y al puerto viejo, y que el precio del billete no cambiará durante dos años.</p>";
        String html = Pages.article(accented + Pages.paragraphs()).replace("<head>", "<head><meta charset=utf-8>");
        ExtractedArticle a = new ArticleExtractor(ExtractSettings.defaults()).extract(new PageInput(
                html.getBytes(java.nio.charset.Charset.forName("windows-1252")), "https://news.example/a/1",
                "text/html; charset=utf-8"));
        assertTrue(body(a).contains("El alcalde Gómez anunció que las líneas nuevas llegarán"), body(a));
    }
}
