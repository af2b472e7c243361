package dev.winnow.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/**
 * Words in a form no article of a language writes that are one of its stop words with a letter more at the
 * end ("paras" for "para", "Übere" for "über", "Whats" for "what"): an ending put on a function word, read
 * as that stop word. Stemmed, such a word would match only the stems of other words ("übers"), as a stop word
 * is never indexed stemmed, and the article holding the stop word could not be found.
 */
final class StopWordForms {
    /** A whitespace-separated token of the query. */
    private static final Pattern TOKEN = Pattern.compile("\\S+");

    private final Analyzer analyzer;
    private final ArticleQueryParser.DocFreqs docFreqs;

    /** @param docFreqs the index's term statistics; null (an empty index) leaves every query as typed */
    StopWordForms(Analyzer analyzer, ArticleQueryParser.DocFreqs docFreqs) {
        this.analyzer = analyzer;
        this.docFreqs = docFreqs;
    }

    /** The query with each such word of the language replaced by its stop word; the query itself if none. */
    String meant(String lang, String query) {
        if (docFreqs == null) {
            return query;
        }
        Matcher m = TOKEN.matcher(query);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        while (m.find()) {
            String stop = stopWordOf(lang, m.group());
            changed |= stop != null;
            m.appendReplacement(out, Matcher.quoteReplacement(stop == null ? m.group() : stop));
        }
        m.appendTail(out);
        return changed ? out.toString() : query;
    }

    /** The stop word a plain word stands for, or null when it is none or some article writes the word. */
    private String stopWordOf(String lang, String word) {
        if (word.length() < ArticleQueryParser.MIN_NEAR_SPELLING || !word.chars().allMatch(Character::isLetter)) {
            return null;
        }
        // One letter only: with two, a word of another language ends up a two-letter stop word of this one
        // ("sich" as "si", "dürf" as "du"), and its reading there matches far more than was asked.
        String stop = word.substring(0, word.length() - 1);
        return ArticleQueryParser.isStopWord(analyzer, lang, stop) && !written(lang, word) ? stop : null;
    }

    /** Whether some article of the language writes the word as typed, in its title or its text. */
    private boolean written(String lang, String word) {
        try {
            for (String field : List.of(IndexFields.surfaceTextField(lang), IndexFields.surfaceTitleField(lang))) {
                if (docFreqs.of(field, terms(field, word)).values().stream().anyMatch(df -> df > 0)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> terms(String field, String text) {
        return ArticleQueryParser.terms(analyzer, field, text);
    }
}
