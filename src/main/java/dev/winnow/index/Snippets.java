package dev.winnow.index;

import dev.winnow.lang.LanguageAnalyzers;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
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
public final class Snippets {
    private static final String ELLIPSIS = " … ";
    /** Matches beyond this many characters of a very long text are not looked for, bounding the cost. */
    private static final int MAX_HIGHLIGHTED_CHARS = 20_000;

    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final int length;

    public Snippets(IndexSearcher searcher, Analyzer analyzer, int length) {
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
    public String[] highlight(Query query, String lang, int[] docs, String[] texts) throws IOException {
        String field = IndexFields.textField(lang);
        String surfaceField = IndexFields.surfaceTextField(lang);
        Map<Integer, String> byDoc = new HashMap<>();
        for (int i = 0; i < docs.length; i++) {
            byDoc.put(docs[i], clean(LanguageAnalyzers.nfc(texts[i])));
        }
        String[] out = highlight(query, field, lang, docs, byDoc);
        int[] unmarked = unmarked(docs, out);
        if (unmarked.length > 0
                && (touches(query, IndexFields.surfaceTitleField(lang)) || touches(query, surfaceField))) {
            // Prefix, wildcard and fuzzy terms match the words as written, not their stems: the texts the
            // stemmed terms left unmarked are highlighted again on the surface forms.
            String[] surface = highlight(query, surfaceField, lang, unmarked, byDoc);
            for (int i = 0, k = 0; i < out.length && k < unmarked.length; i++) {
                if (docs[i] == unmarked[k]) {
                    if (marked(surface[k])) {
                        out[i] = surface[k];
                    }
                    k++;
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] == null ? opening(byDoc.get(docs[i])) : fit(out[i], length);
        }
        return out;
    }

    private String[] highlight(Query query, String field, String lang, int[] docs, Map<Integer, String> byDoc)
            throws IOException {
        Set<String> matched = Set.of(IndexFields.textField(lang), IndexFields.titleField(lang),
                IndexFields.surfaceTextField(lang), IndexFields.surfaceTitleField(lang));
        UnifiedHighlighter.Builder b = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new MarkerFormatter())
                .withMaxNoHighlightPassages(1)
                .withMaxLength(MAX_HIGHLIGHTED_CHARS)
                // Without these two, every text is re-analysed into an in-memory index per hit; plain term
                // queries can instead match the token stream directly (phrases still take the slow path).
                .withWeightMatches(false)
                .withPassageRelevancyOverSpeed(false)
                // Title and text of a language share one chain, so title terms mark the body too.
                .withFieldMatcher(matched::contains)
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
        return highlighter.highlightFields(new String[] {field}, query, docs, new int[] {1}).get(field);
    }

    /** The docs (in their increasing order) whose snippet has no match marked. */
    private static int[] unmarked(int[] docs, String[] snippets) {
        int[] out = new int[docs.length];
        int n = 0;
        for (int i = 0; i < docs.length; i++) {
            if (!marked(snippets[i])) {
                out[n++] = docs[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean marked(String snippet) {
        return snippet != null && snippet.indexOf(SearchHit.MATCH_START) >= 0;
    }

    /** Whether any part of the query searches the field. */
    private static boolean touches(Query query, String field) {
        boolean[] found = {false};
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String f) {
                found[0] |= f.equals(field);
                return false;
            }
        });
        return found[0];
    }

    /**
     * A marked passage cut to about {@code length} visible characters: a sentence can be far longer than
     * a snippet. The window opens a little before the first match, at word boundaries, and never splits
     * a marked match.
     */
    static String fit(String marked, int length) {
        if (visible(marked, 0, marked.length()) <= length) {
            return marked;
        }
        int budget = Math.max(10, length - 2 * ELLIPSIS.strip().length() - 2);
        int first = Math.max(0, marked.indexOf(SearchHit.MATCH_START));
        int start = first;
        for (int lead = 0; start > 0 && lead < budget / 4; start--) {
            if (!isMarker(marked.charAt(start - 1))) {
                lead++;
            }
        }
        if (start > 0) {
            int space = marked.indexOf(' ', start);
            start = space >= 0 && space < first ? space + 1 : first;
        }
        int end = start;
        for (int taken = 0; end < marked.length() && taken < budget; end++) {
            if (!isMarker(marked.charAt(end))) {
                taken++;
            }
        }
        if (end < marked.length()) {
            int space = marked.lastIndexOf(' ', end);
            if (space > start + budget / 2) {
                end = space;
            }
            int open = marked.lastIndexOf(SearchHit.MATCH_START, end - 1);
            if (open >= start && marked.lastIndexOf(SearchHit.MATCH_END, end - 1) < open) {
                end = marked.indexOf(SearchHit.MATCH_END, open) + 1; // close the match the cut would split
            }
        }
        String ellipsis = ELLIPSIS.strip();
        return (start > 0 ? ellipsis + " " : "") + marked.substring(start, end).strip()
                + (end < marked.length() ? " " + ellipsis : "");
    }

    private static boolean isMarker(char c) {
        return c == SearchHit.MATCH_START || c == SearchHit.MATCH_END;
    }

    private static int visible(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!isMarker(s.charAt(i))) {
                n++;
            }
        }
        return n;
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
