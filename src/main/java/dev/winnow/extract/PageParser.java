package dev.winnow.extract;

import java.io.IOException;
import java.io.InputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Parses pages with one jsoup HTML parser per thread, kept from page to page, so that the tags a page uses are
 * looked up in the tag set the pages before it filled. A fresh parser starts each page from an empty tag set
 * and copies every tag it meets out of jsoup's defaults, working out its parsing options again: about 2% of a
 * parse, paid on every page.
 *
 * <p>A tag set only grows (custom elements, and whatever names a broken or hostile page makes up), so the parser
 * is replaced once it has taken in {@value #MAX_NEW_TAGS} tags. Sharing tags between documents changes nothing
 * the extractor reads: the only state the parse writes on a tag, whether it was seen self-closed, is read only
 * when a document is written back out as XML.
 */
final class PageParser {
    /** Tags a parser may take in before it is replaced: common pages use about a hundred distinct ones. */
    static final int MAX_NEW_TAGS = 4096;

    private static final ThreadLocal<PageParser> PER_THREAD = ThreadLocal.withInitial(PageParser::new);

    private Parser parser;
    private int newTags;

    private PageParser() {
    }

    /** Parses {@code in}, decoded as {@code charset}, on this thread's parser. */
    static Document parse(InputStream in, String charset, String url) throws IOException {
        return PER_THREAD.get().parseHere(in, charset, url);
    }

    private Document parseHere(InputStream in, String charset, String url) throws IOException {
        if (parser == null || newTags > MAX_NEW_TAGS) {
            parser = Parser.htmlParser();
            newTags = 0;
            parser.tagSet().onNewTag(tag -> newTags++);
        }
        return Jsoup.parse(in, charset, url, parser);
    }
}
