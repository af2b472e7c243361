package dev.winnow.index;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Highlighted passages of clean text for a page of hits. The text is not stored as a field of its own
 * (it lives in the article's JSON), so the highlighter is handed the texts already loaded and re-analyses
 * them with the language's chain; matches are wrapped in {@link dev.winnow.index.SearchHit#MATCH_START}
 * and {@link dev.winnow.index.SearchHit#MATCH_END}. A hit that matched only in its title gets the
 * opening of its text.
 */
final class Snippets {
    private static final String ELLIPSIS = " … ";
    /** Matches beyond this many characters of a very long text are not looked for, bounding the cost. */
    private static final int MAX_HIGHLIGHTED_CHARS = 20_000;

    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final int length;

    Snippets(IndexSearcher searcher, Analyzer analyzer, int length) {
        this.searcher = searcher;
        this.analyzer = analyzer;
        this.length = length;
    }

    /**
     * Snippets for documents of one language.
     *
     * @param docs  index doc ids in increasing order
     * @param texts the clean text of each doc, in the same order
     */
    String[] highlight(Query query, String lang, int[] docs, String[] texts) throws IOException {
        String field = IndexFields.textField(lang);
        String titleField = IndexFields.titleField(lang);
        Map<Integer, String> byDoc = new HashMap<>();
        for (int i = 0; i < docs.length; i++) {
            byDoc.put(docs[i], clean(texts[i]));
        }
        UnifiedHighlighter.Builder b = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new MarkerFormatter())
                .withMaxNoHighlightPassages(1)
                .withMaxLength(MAX_HIGHLIGHTED_CHARS)
                // Without these two, every text is re-analysed into an in-memory index per hit; plain term
                // queries can instead match the token stream directly (phrases still take the slow path).
                .withWeightMatches(false)
                .withPassageRelevancyOverSpeed(false)
                // Title and text of a language share one chain, so title terms mark the body too.
                .withFieldMatcher(f -> f.equals(field) || f.equals(titleField))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), length, 0.3f));
        UnifiedHighlighter highlighter = new UnifiedHighlighter(b) {
            @Override
            protected OffsetSource getOffsetSource(String f) {
                return OffsetSource.ANALYSIS; // the text is not indexed with offsets: skip merging field infos
            }

            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator it, int threshold)
                    throws IOException {
                List<CharSequence[]> out = new ArrayList<>();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    out.add(new CharSequence[] {byDoc.getOrDefault(doc, "")});
                }
                return out;
            }
        };
        String[] out = highlighter.highlightFields(new String[] {field}, query, docs, new int[] {1}).get(field);
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                out[i] = opening(byDoc.get(docs[i]));
            }
        }
        return out;
    }

    private String opening(String text) {
        if (text == null || text.length() <= length) {
            return text == null ? "" : text;
        }
        int cut = text.lastIndexOf(' ', length);
        return text.substring(0, cut > length / 2 ? cut : length) + ELLIPSIS.strip();
    }

    /** One line of text without the marker characters, so markers in the output are always ours. */
    private static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == SearchHit.MATCH_START || c == SearchHit.MATCH_END) {
                continue;
            }
            sb.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
        }
        return sb.toString();
    }

    private static final class MarkerFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            StringBuilder sb = new StringBuilder();
            for (Passage p : passages) {
                if (sb.length() > 0) {
                    sb.append(ELLIPSIS);
                }
                int pos = p.getStartOffset();
                for (int i = 0; i < p.getNumMatches(); i++) {
                    int start = p.getMatchStarts()[i];
                    int end = p.getMatchEnds()[i];
                    if (start < pos) {
                        continue; // overlapping match already marked
                    }
                    sb.append(content, pos, start).append(SearchHit.MATCH_START)
                            .append(content, start, end).append(SearchHit.MATCH_END);
                    pos = end;
                }
                sb.append(content, pos, p.getEndOffset());
            }
            return sb.toString().strip();
        }
    }
}
