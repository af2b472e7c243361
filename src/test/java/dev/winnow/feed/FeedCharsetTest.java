package dev.winnow.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedCharsetTest {
    private final FeedParser parser = new FeedParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "EUC-JP|ゲーム三昧な正月を過ごしました",
            "Shift_JIS|記事投稿が反映されない問題について",
            "EUC-KR|한국어 닉네임을 표시하는 방법",
            "GB2312|不归移民漫画系列：专业工作",
            "Big5|臺灣的新聞與天氣預報",
            "KOI8-R|Как пережить новогоднюю ночь",
            "windows-1251|Новости дня: погода в Москве",
            "windows-1252|Año nuevo, café y señales",
            "windows-1252|Stéphane a été élu à l'unanimité",
            "windows-874|ข่าววันนี้ภาษาไทย",
    })
    void recoversTitleFromBytesMislabelledAsUtf8(String charset, String title) throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><item><title>" + title
                + "</title><link>https://x.example/1</link></item></channel></rss>";
        ParsedFeed f = parser.parse(xml.getBytes(Charset.forName(charset)), null, null);
        assertEquals(title, f.items().get(0).title());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "EUC-JP|ゲーム", "EUC-KR|한글", "KOI8-R|Привет",
    })
    void undeclaredShortTextIsRecovered(String charset, String title) throws Exception {
        String xml = "<rss version=\"2.0\"><channel><item><title>" + title + "</title></item></channel></rss>";
        assertEquals(title, parser.parse(xml.getBytes(Charset.forName(charset)), null, null).items().get(0).title());
    }

    @org.junit.jupiter.api.Test
    void utf8WithAFewStrayBytesStaysUtf8() throws Exception {
        byte[] head = "<rss version=\"2.0\"><channel><item><title>Señor Müller über".getBytes(StandardCharsets.UTF_8);
        byte[] tail = " Café</title></item></channel></rss>".getBytes(StandardCharsets.UTF_8);
        byte[] b = java.util.Arrays.copyOf(head, head.length + 1 + tail.length);
        b[head.length] = (byte) 0xFF;
        System.arraycopy(tail, 0, b, head.length + 1, tail.length);
        String title = parser.parse(b, null, null).items().get(0).title();
        assertEquals("Señor Müller über\uFFFD Café", title);
    }
}
