package dev.winnow.daemon;

import dev.winnow.feed.FeedSource;
import java.time.Duration;
import org.quartz.JobDataMap;

/**
 * A feed's subscription as the string-only data of its Quartz job, so whichever daemon of a cluster runs
 * the poll knows the feed without having read the feed list itself.
 */
final class FeedJobData {
    static final String URL = "feedUrl";
    static final String TITLE = "feedTitle";
    static final String INTERVAL = "feedInterval";
    static final String LANG = "feedLang";

    private FeedJobData() {
    }

    static JobDataMap of(FeedSource source) {
        JobDataMap data = new JobDataMap();
        data.put(URL, source.url());
        putIfSet(data, TITLE, source.title());
        putIfSet(data, INTERVAL, source.interval() == null ? null : source.interval().toString());
        putIfSet(data, LANG, source.lang());
        return data;
    }

    static FeedSource source(JobDataMap data) {
        String interval = data.getString(INTERVAL);
        return new FeedSource(data.getString(URL), data.getString(TITLE),
                interval == null ? null : Duration.parse(interval), data.getString(LANG));
    }

    private static void putIfSet(JobDataMap data, String key, String value) {
        if (value != null) {
            data.put(key, value); // a JDBC store keeps job data as properties, which cannot hold null
        }
    }
}
