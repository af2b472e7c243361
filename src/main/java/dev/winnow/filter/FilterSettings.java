package dev.winnow.filter;

import dev.winnow.config.Config;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thresholds, guards and signal weights of the off-topic filter; the meaning of each is documented with
 * its key in {@code config/winnow.properties} (section {@code filter}).
 *
 * @param bias                   intercept of the line score (logistic)
 * @param weights                model term ({@link LineScorer#TERMS}) → weight in the line score
 * @param threshold              a line goes when its score (0..1) is at least this
 * @param shortArticleLines      articles with fewer lines than this are "short": their lines go only
 *                               with evidence that does not rest on topic
 * @param shortLineWords         a line of at most this many words is too short to judge by topic: it
 *                               goes only with evidence that does not rest on topic, or a promo label
 * @param maxShare               at most this share of an article's lines is removed
 * @param longLineWords          a line with more words is "long" and needs evidence beyond low similarity
 * @param longLineMinNewNames    a long line with no other non-topical evidence goes only if it brings at
 *                               least this many names (capitalised words) found nowhere else in the article
 * @param longLineElsewhereRatio a long line with no other evidence also goes if it is at least this many
 *                               times closer to another article of the corpus than to its own, with a
 *                               cosine of at least {@code longLineElsewhereMin} to that article
 * @param longLineElsewhereMin   see {@code longLineElsewhereRatio}
 * @param titleWeight            how many times the title's terms count in "the rest of the article"
 * @param languageMinWords       lines shorter than this are not language-checked
 * @param recentArticles         how many recently cleaned articles' long lines a long-running pipeline
 *                               remembers as evidence of repeated lines ({@link RecentLines})
 */
public record FilterSettings(double bias, Map<String, Double> weights, double threshold, int shortArticleLines,
                             int shortLineWords, double maxShare, int longLineWords,
                             int longLineMinNewNames, double longLineElsewhereRatio,
                             double longLineElsewhereMin, double titleWeight, int languageMinWords,
                             int recentArticles) {
    public FilterSettings {
        weights = Map.copyOf(weights);
    }

    public static FilterSettings from(Config c) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (String name : LineScorer.TERMS) {
            w.put(name, c.decimal("filter.weight." + name, -100, 100));
        }
        return new FilterSettings(
                c.decimal("filter.bias", -100, 100), w,
                c.decimal("filter.threshold", 0, 1),
                c.integer("filter.short-article.lines", 0, 1000),
                c.integer("filter.short-line.words", 0, 1000),
                c.decimal("filter.max-share", 0, 1),
                c.integer("filter.long-line.words", 1, 10_000),
                c.integer("filter.long-line.min-new-names", 1, 1000),
                c.decimal("filter.long-line.elsewhere-ratio", 1, 1000),
                c.decimal("filter.long-line.elsewhere-min", 0, 1),
                c.decimal("filter.title-weight", 0, 100),
                c.integer("filter.language.min-words", 1, 1000),
                c.integer("filter.recent-articles", 0, 1_000_000));
    }

    public static FilterSettings defaults() {
        return from(Config.defaults());
    }

    double weight(String signal) {
        return weights.getOrDefault(signal, 0.0);
    }

}
