package dev.winnow.extract;

import java.io.Reader;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Parses pages with one jsoup HTML parser per thread, kept from page to page, so that the tags a page uses are
 * looked up in the tag set the pages before it filled. A fresh parser starts each page from an empty tag set
 * and copies every tag it meets out of jsoup's defaults, working out its parsing options again: about 2% of a
 * parse, paid on every page. The parser is kept, not just its tag set, because jsoup's {@code Parser.tagSet(TagSet)}
 * copies the set it is given, tag by tag.
 *
 * <p>A tag set only grows (custom elements, and whatever names a broken or hostile page makes up), so the parser
 * is replaced once it has taken in {@value #MAX_NEW_TAGS} tags. A parser also holds on to the last document it
 * built until its next page, so a page over {@value #MAX_SHARED_BYTES} bytes gets a parser of its own, dropped
 * with the page. Sharing tags between documents changes nothing the extractor reads: the only state the parse
 * writes on a tag, whether it was seen self-closed, is read only when a document is written back out as XML.
 */
final class PageParser {
    /** Tags a parser may take in before it is replaced: a news page uses 30 to 90 distinct ones. */
    static final int MAX_NEW_TAGS = 4096;
    /**
     * Pages larger than this are parsed on a parser of their own: one WCEB sample page in 485, but 10 of the 121
     * pages of today's news sites, mostly for their scripts. Those lose the 2%; a larger bound would keep a larger
     * document per thread between pages.
     */
    static final int MAX_SHARED_BYTES = 512 * 1024;

    private static final ThreadLocal<PageParser> PER_THREAD = ThreadLocal.withInitial(PageParser::new);

    private Parser parser;
    private int newTags;

    private PageParser() {
    }

    /** Parses {@code in}, the text of a page of {@code bytes} bytes, on this thread's parser. */
    static Document parse(Reader in, int bytes, String url) {
        if (bytes > MAX_SHARED_BYTES) {
            return Parser.htmlParser().parseInput(in, url);
        }
        return PER_THREAD.get().parseHere(in, url);
    }

    private Document parseHere(Reader in, String url) {
        if (parser == null || newTags > MAX_NEW_TAGS) {
            parser = Parser.htmlParser();
            newTags = 0;
            parser.tagSet().onNewTag(tag -> newTags++);
        }
        try {
            return parser.parseInput(in, url);
        } catch (RuntimeException | Error e) {
            // jsoup resets a parser at the start of each page, but one that failed halfway is not trusted again.
            parser = null;
            throw e;
        }
    }
}
