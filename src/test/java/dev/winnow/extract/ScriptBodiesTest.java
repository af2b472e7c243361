package dev.winnow.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class ScriptBodiesTest {
    @Test
    void scriptAndStyleBodiesAreLeftOutAndJsonLdKept() throws IOException {
        String html = "<html><head><style>p { color: red }</style><SCRIPT>var a = \"<p>not text</p>\";</SCRIPT>"
                + "<script type=\"application/ld&#x2B;json\">{\"headline\": \"H\"}</script></head>"
                + "<body><p>Kept text.</p><script>b()</script><p>More text.</p></body></html>";
        Document doc = parseWithout(html, StandardCharsets.UTF_8);
        assertEquals("p { color: red }".length() + "var a = \"<p>not text</p>\";".length(), cutBytes(html));
        assertEquals("", doc.selectFirst("style").data());
        assertEquals("", doc.selectFirst("head script").data());
        assertEquals("{\"headline\": \"H\"}", doc.select("head script").get(1).data());
        assertEquals("b()", doc.selectFirst("body script").data(), "the body is not scanned");
        assertEquals("Kept text. More text.", doc.body().text());
    }

    @Test
    void scriptTagsInCommentsAttributesAndRawTextAreNotMistakenForScripts() throws IOException {
        assertSameDocument("<!-- <script> --><p>kept one</p><script>x()</script><p>kept two</p>");
        assertSameDocument("<div data-html=\"<script src=a>\">kept</div><p>two</p><script>x()</script><p>three</p>");
        assertSameDocument("<a title = 'a > <script>'>kept</a><p>two</p><script>x()</script><p>three</p>");
        assertSameDocument("<textarea><script></textarea><p>kept</p><script>x()</script><p>two</p>");
        assertSameDocument("<title>a <style> b</title><p>kept</p><style>p {}</style><p>two</p>");
        assertSameDocument("<![CDATA[ <script> ]]><p>kept</p><script>x()</script><p>two</p>");
        assertSameDocument("<head><![CDATA[ a > <script>x()</script> ]]><p>kept</p><script>y()</script>");
    }

    @Test
    void scriptEndsWhereTheTokenizerEndsIt() throws IOException {
        assertSameDocument("<script>var s = '</scripts>'; f('<\\/script>');</script><p>kept</p>");
        assertSameDocument("<script><!-- document.write('<script>a()</script>'); --></script><p>kept</p>"
                + "<script>b()</script><p>two</p>");
        assertSameDocument("<script><!-- old(); //--></script><p>kept</p><script>b()</script><p>two</p>");
        assertSameDocument("<script>unterminated(); <p>not a paragraph</p>");
        assertSameDocument("<div<script>x()</script><p>kept</p>");
        assertSameDocument("<head><script src=a /><title>T</title></head><p>in the script</p></script><p>kept</p>");
    }

    @Test
    void cutsAreCountedFromWhereTheBytesStart() throws IOException {
        byte[] page = ("\uFEFF<head><script>var big = 1;</script><title>T</title></head><p>Kept.</p>")
                .getBytes(StandardCharsets.UTF_8);
        int[] cuts = ScriptBodies.find(page, 3, page.length, StandardCharsets.UTF_8);
        assertEquals("var big = 1;", new String(page, cuts[0], cuts[1] - cuts[0], StandardCharsets.UTF_8));
        Document doc = Parser.htmlParser()
                .parseInput(ScriptBodies.without(page, 3, page.length, StandardCharsets.UTF_8), "");
        assertEquals("T", doc.title());
        assertEquals("Kept.", doc.body().text());
    }

    @Test
    void aHeadLongerThanTheFirstWindowIsReadOn() throws IOException {
        String script = "x();".repeat(20_000);
        String html = "<head><meta name=a content='" + "m".repeat(9_000) + "'><script>" + script
                + "</script><style>p{}</style></head><body><p>Kept.</p><script>y()</script>";
        assertEquals(script.length() + "p{}".length(), cutBytes(html));
        assertSameDocument(html);
    }

    @Test
    void pagesInCharsetsWhereBytesAreNotAsciiAreNotCut() {
        byte[] utf16 = "<p>a</p><script>x()</script>".getBytes(StandardCharsets.UTF_16LE);
        assertEquals(0, ScriptBodies.find(utf16, 0, utf16.length, StandardCharsets.UTF_16LE).length);
        assertTrue(ScriptBodies.scannable(Charset.forName("windows-1252")));
        assertTrue(ScriptBodies.scannable(Charset.forName("Shift_JIS")));
    }

    /** Random markup from the pieces that steer the tokenizer: the cut page must parse to the same document. */
    @Test
    void randomMarkupParsesToTheSameDocumentWithAndWithoutTheCuts() throws IOException {
        String[] pieces = {"<script>", "<script type='a'>", "</script>", "</script ", "<style>", "</style>", "<p>",
            "</p>", "<div class=\"", "<div title=", "\"", "'", "=", ">", "<", "</", "<!--", "-->", "--!>", "<!-->",
            "<textarea>", "</textarea>", "<title>", "</title>", "<![CDATA[", "]]>", "<!doctype html>", "<?x ?>",
            " ", "\n", "/", "text", "é", "<svg>", "</svg>", "<a href=x>", "</a>", "<SCRIPT>", "<!", "<xmp>", "</xmp>",
            "<meta content=", "<link href='", "<noscript>", "</noscript>", "<head>", "</head>", "<meta a = "};
        Random random = new Random(42);
        int withCuts = 0;
        for (int round = 0; round < 6000; round++) {
            StringBuilder html = new StringBuilder();
            int length = 5 + random.nextInt(40);
            for (int i = 0; i < length; i++) {
                html.append(pieces[random.nextInt(pieces.length)]);
            }
            assertSameDocument(html.toString());
            withCuts += cutBytes(html.toString()) > 0 ? 1 : 0;
        }
        assertTrue(withCuts > 600, "pages with a cut: " + withCuts);
    }

    private static void assertSameDocument(String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        Document whole = Jsoup.parse(new ByteArrayInputStream(bytes), "UTF-8", "");
        Document cut = parseWithout(html, StandardCharsets.UTF_8);
        assertEquals(withoutScriptBodies(whole), withoutScriptBodies(cut), html);
    }

    private static Document parseWithout(String html, Charset charset) throws IOException {
        byte[] bytes = html.getBytes(charset);
        return Parser.htmlParser().parseInput(ScriptBodies.without(bytes, 0, bytes.length, charset), "");
    }

    private static int cutBytes(String html) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        int[] cuts = ScriptBodies.find(bytes, 0, bytes.length, StandardCharsets.UTF_8);
        int n = 0;
        for (int i = 0; i < cuts.length; i += 2) {
            n += cuts[i + 1] - cuts[i];
        }
        return n;
    }

    /** The document as HTML with every script and style emptied: what the cuts may change. */
    private static String withoutScriptBodies(Document doc) {
        for (Element e : doc.select("script, style")) {
            for (Node child : new ArrayList<>(e.childNodes())) {
                child.remove();
            }
        }
        doc.outputSettings().prettyPrint(false);
        return doc.outerHtml();
    }
}
