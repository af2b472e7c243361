package dev.winnow.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.winnow.extract.ArticleExtractor;
import dev.winnow.extract.ExtractSettings;
import dev.winnow.extract.ExtractedArticle;
import dev.winnow.extract.PageInput;
import dev.winnow.feed.FeedParser;
import java.nio.charset.Charset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same title in the same bytes reads the same through the page extractor and the feed parser,
 * declared or not: both decode through {@link TextDecoder}.
 */
class PageAndFeedDecodingAgreeTest {
    private static final String SENTENCE_JA = "市議会は火曜日に新しいバス路線について投票し、住民の意見を聞きました。";
    private static final String SENTENCE_ZH = "市议会星期二就新的公交线路进行了投票，并听取了居民的意见。";

    @ParameterizedTest(name = "{0} declared={2}")
    @CsvSource(delimiter = '|', value = {
            "Shift_JIS|記事投稿が反映されない問題について|false",
            "EUC-JP|ゲーム三昧な正月を過ごしました|false",
            "GBK|不归移民漫画系列：专业工作|false",
            "windows-1252|Año nuevo, café y señales|false",
            "UTF-8|Año nuevo, café y señales|false",
            "Shift_JIS|記事投稿が反映されない問題について|true",
            "windows-1251|Новости дня: погода в Москве|true"})
    void pageTitleAndFeedTitleAgree(String charset, String title, boolean declared) throws Exception {
        Charset cs = Charset.forName(charset);
        String sentence = title.chars().anyMatch(c -> c >= 0x4E00) && charset.startsWith("GB") ? SENTENCE_ZH
                : title.chars().anyMatch(c -> c >= 0x3000) ? SENTENCE_JA : "The council voted on the new bus routes. ";
        String meta = declared ? "<meta charset=\"" + charset + "\">" : "";
        String html = "<html><head>" + meta + "<title>" + title + "</title></head><body><article><h1>" + title
                + "</h1><p>" + sentence.repeat(20) + "</p></article></body></html>";
        String prolog = declared ? "<?xml version=\"1.0\" encoding=\"" + charset + "\"?>" : "";
        String rss = prolog + "<rss version=\"2.0\"><channel><title>N</title><item><title>" + title
                + "</title><link>https://news.example/a</link></item></channel></rss>";

        ExtractedArticle page = new ArticleExtractor(ExtractSettings.defaults())
                .extract(new PageInput(html.getBytes(cs), "https://news.example/a", "text/html"));
        String item = new FeedParser().parse(rss.getBytes(cs), null, "application/rss+xml").items().get(0).title();

        assertEquals(title, page.title());
        assertEquals(page.title(), item);
        assertEquals(TextDecoder.decode(html.getBytes(cs), "text/html").charset(),
                TextDecoder.decode(rss.getBytes(cs), "application/rss+xml").charset());
    }
}
