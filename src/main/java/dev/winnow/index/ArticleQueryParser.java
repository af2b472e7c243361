package dev.winnow.index;

import dev.winnow.lang.LanguageAnalyzers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Lucene's classic query syntax over winnow's logical fields, read once per language and combined.
 *
 * <p>Each language in scope gets its own reading of the query: {@code title:} and {@code text:} (and words
 * with no field, which mean either) go to that language's title and text fields, analysed by its chain, so
 * a stop word of one language is dropped there without becoming a required word of another. Each word
 * is matched in the title or the text, title matches weighing more; prefix, wildcard, fuzzy and regular
 * expression terms are matched against the unstemmed surface forms. The readings are alternatives: an
 * article matches when its own language's reading does. {@code feed:}, {@code lang:}, {@code site:},
 * {@code author:} and {@code url:} address their fields directly. A word that belongs more to the other
 * languages than to a reading's own weighs less in it ({@link ForeignWords}); a word no article of the
 * language writes that is one of its stop words with an ending is read as that stop word ({@link StopWordForms}).
 *
 * <p>When no article matches every word, the second try ({@link #parseRelaxed}) requires half of them and
 * lets a quoted phrase stretch by a few words; when not even that can match, the last resort reads words
 * no article holds as their near spellings and, failing those, ranks by the stop words as written.
 *
 * <p>A query of more than {@link #LONG_QUERY_WORDS} words is read as pasted text, not syntax: its most
 * informative terms, at least half of which an article must hold, ranked by BM25.
 */
public final class ArticleQueryParser {
    /** Beyond this many words a query is pasted text: requiring every word would find nothing. */
    static final int LONG_QUERY_WORDS = 16;
    /** Plain words up to which a query also ranks by how near its words are to one another. */
    static final int PROXIMITY_WORDS = 8;
    /** How far apart (in word moves) the words of a query may be to count as near. */
    static final int PROXIMITY_SLOP = 12;
    /** How far apart (in word moves) two neighbouring words of a query may be to count as a pair. */
    static final int PAIR_SLOP = 2;
    /** Near spellings of a fuzzy word, and readings of a query, that rank by proximity. */
    static final int NEAR_SPELLINGS = 4;
    /** A word marked fuzzy, with or without its number of edits. */
    private static final Pattern FUZZY_WORD = Pattern.compile("[\\p{L}\\p{N}'’-]+~[0-9.]*");
    /** Terms of pasted text kept per language: the rarest, which tell articles apart. */
    static final int PASTED_TERMS = 32;

    /** Word moves a quoted phrase may stretch by when no article holds it word for word. */
    static final int RELAXED_PHRASE_SLOP = 3;
    /** Letters a word needs before its near spellings stand in for it when no article holds it. */
    static final int MIN_NEAR_SPELLING = 4;

    /**
     * Edits to the near spellings of a word no article holds: one up to five letters, two beyond, as
     * short words have many neighbours one edit away.
     */
    static int nearSpellingEdits(String word) {
        return word.length() <= 5 ? 1 : 2;
    }

    /** The term-frequency saturation of Lucene's BM25, the similarity the index scores with. */
    private static final float BM25_K1 = 1.2f;

    private static final String ANY = "_any";
    /** Boolean operators as the classic syntax spells them: a query using them means them. */
    private static final Pattern EXPLICIT_OPERATORS =
            Pattern.compile("(^|\\s|\\()([+-]|AND\\b|OR\\b|NOT\\b|&&|\\|\\||!)");
    private static final Set<String> DIRECT_FIELDS = Set.of(
            IndexFields.FEED, IndexFields.LANG, IndexFields.SITE, IndexFields.AUTHOR, IndexFields.URL);

    private final Analyzer analyzer;
    private final Collection<String> languages;
    private final float titleBoost;
    private final boolean defaultAnd;
    private final DocFreqs docFreqs;
    private final ForeignWords foreignWords;
    private final StopWordForms stopWordForms;

    /** How many articles hold each term of a field, for choosing the informative terms of pasted text. */
    @FunctionalInterface
    public interface DocFreqs {
        /** The document frequency of each term; terms in no document may be left out. */
        Map<String, Long> of(String field, Collection<String> terms) throws IOException;

        /**
         * How many articles have the field, which {@link ForeignWords} compares frequencies against;
         * 0 when the index cannot tell, which leaves every word its weight.
         */
        default long docCount(String field) throws IOException {
            return 0;
        }

        /** The frequencies of a Lucene index. */
        static DocFreqs of(IndexReader reader) {
            return new DocFreqs() {
                @Override
                public Map<String, Long> of(String field, Collection<String> terms) throws IOException {
                    Map<String, Long> out = new LinkedHashMap<>();
                    for (String t : terms) {
                        out.put(t, (long) reader.docFreq(new Term(field, t)));
                    }
                    return out;
                }

                @Override
                public long docCount(String field) throws IOException {
                    return reader.getDocCount(field);
                }
            };
        }
    }

    /**
     * @param languages the language codes whose fields the query searches (those present in the index,
     *                  or the one a {@code --lang} filter asks for)
     * @param docFreqs  the index's term statistics, which choose the terms of pasted text; null when empty
     */
    public ArticleQueryParser(Analyzer analyzer, Collection<String> languages, float titleBoost, boolean defaultAnd,
                       DocFreqs docFreqs) {
        this.analyzer = analyzer;
        this.languages = languages;
        this.titleBoost = titleBoost;
        this.defaultAnd = defaultAnd;
        this.docFreqs = docFreqs;
        this.foreignWords = new ForeignWords(analyzer, languages, docFreqs);
        this.stopWordForms = new StopWordForms(analyzer, docFreqs);
    }

    /** Whether a query is long enough to be read as pasted text rather than syntax. */
    public static boolean isPastedText(String query) {
        return query.strip().split("\\s+").length > LONG_QUERY_WORDS;
    }

    /** Reads the query: as syntax, or as pasted text when it is long. */
    public Query parse(String query) throws ParseException {
        return isPastedText(query) ? parseText(query) : parseSyntax(query);
    }

    /** Reads the query as Lucene syntax, once per language. */
    Query parseSyntax(String query) throws ParseException {
        return parseSyntax(query, Reading.ALL);
    }

    /**
     * Reads plain words with at least half of them required instead of all: the second try when no
     * article holds every word. Null when the query is not plain words (it states its own operators).
     */
    public Query parseRelaxed(String query) throws ParseException {
        return parseLoosely(query, Reading.HALF);
    }

    /**
     * Reads plain words with all but one of them required (all of them for two words or fewer): the
     * near misses that fill a page the full matches leave short. Null when the query is not plain words.
     */
    public Query parseAllButOne(String query) throws ParseException {
        return parseLoosely(query, Reading.ALL_BUT_ONE);
    }

    private Query parseLoosely(String query, Reading reading) throws ParseException {
        if (isPastedText(query) || EXPLICIT_OPERATORS.matcher(query).find()) {
            return null;
        }
        return parseSyntax(query, reading);
    }

    /** How many of a query's plain words an article must hold. */
    private enum Reading {
        /** Every word (or the operators the query states). */
        ALL,
        /** At least half of the words. */
        HALF,
        /**
         * All but one of more than two words, as Solr's {@code mm=2<-1}; in a language whose articles hold
         * none of them, its stop words as written, as in the last resort.
         */
        ALL_BUT_ONE,
        /**
         * At least half, when no article of any language holds a single word of the query: words no
         * article holds are read as their near spellings, and failing those the stop words as written
         * are what is left to rank by. Only then, as near spellings would blur the ranking of held words.
         */
        LAST_RESORT;

        int required(int words) {
            return switch (this) {
                case ALL -> words;
                case HALF, LAST_RESORT -> (words + 1) / 2;
                case ALL_BUT_ONE -> words > 2 ? words - 1 : words;
            };
        }
    }

    private Query parseSyntax(String query, Reading required) throws ParseException {
        String escaped = LooseSyntax.escape(query, DIRECT_FIELDS_AND_LOGICAL);
        boolean plain = !EXPLICIT_OPERATORS.matcher(query).find() && query.indexOf('"') < 0;
        List<Query> readings = new ArrayList<>();
        boolean satisfiable = false;
        foreignWords.prefetch(plainWords(query));
        for (String lang : languages) {
            String own = stopWordForms.meant(lang, query);
            String ownEscaped = own.equals(query) ? escaped : LooseSyntax.escape(own, DIRECT_FIELDS_AND_LOGICAL);
            LanguageParser parser = new LanguageParser(analyzer, lang, false, required);
            Query reading = parser.parse(ownEscaped);
            satisfiable |= parser.satisfiable;
            if (required == Reading.HALF && !parser.satisfiable && parser.sawStopWords() && reading != null) {
                // The query is worded in this language (some words are its stop words), yet its articles hold
                // too few of the others: its last resort, as when no language's do, so that a stray match in
                // another language does not keep this one's articles off the page ("Japanischese dem").
                reading = new LanguageParser(analyzer, lang, false, Reading.LAST_RESORT).parse(ownEscaped);
            }
            boolean asWritten = reading == null;
            if (asWritten) {
                // Every word is a stop word of this language ("The Who"): the words as written, then.
                LanguageParser written = new LanguageParser(analyzer, lang, true, required);
                reading = written.parse(ownEscaped);
                satisfiable |= written.satisfiable;
            }
            if (plain && reading != null) {
                // Stop words only ("sie haben der und") as much as any: the words of one remembered passage
                // sit together, and without their nearness nothing but length would tell the articles apart.
                reading = withProximity(reading, lang, own, asWritten, required != Reading.ALL);
            }
            readings.add(ownLanguageOnly(reading, lang));
        }
        if (required == Reading.HALF && !satisfiable) {
            // No language's articles hold half of the words: the last resort rather than nothing.
            return parseSyntax(query, Reading.LAST_RESORT);
        }
        return anyOf(readings);
    }

    /**
     * Plain words found near one another in the text, or in the title, rank higher: the words of one
     * remembered passage or headline sit together in the article, not scattered over it. Optional sloppy
     * phrases of the words, stemmed and as written (stop words included: "wurde im Laufe der" is a passage,
     * "Laufe" alone is not), and in the title stemmed and, when some words are stop words, as written. As
     * written, a word marked fuzzy, or in a relaxed reading a word no article holds in that field, takes its
     * place among them as the spellings one edit away from it that articles hold, so the passage a misspelt
     * word (or a form nobody wrote) was recalled from still ranks first. Only once no article matched every
     * word: looking them up in the strict reading would cost every query a few hundred term lookups per
     * language whose articles lack its words (SearchBench p50 4.5 ms to 14.7 ms at 200k articles).
     */
    private Query withProximity(Query reading, String lang, String query, boolean asWritten, boolean relaxed) {
        Query stemmed = near(IndexFields.textField(lang), query, false, false);
        Query written = near(IndexFields.surfaceTextField(lang), query, true, relaxed);
        // Stop words only have no stemmed terms: their nearness in the title is that of the words as written.
        String titleField = asWritten ? IndexFields.surfaceTitleField(lang) : IndexFields.titleField(lang);
        Query title = near(titleField, query, false, false);
        Query writtenTitle = asWritten ? null : titleAsWritten(lang, query);
        Query pairs = asWritten ? null : adjacentPairs(lang, query);
        if (stemmed == null && written == null && title == null && writtenTitle == null && pairs == null) {
            return reading;
        }
        // A passage of words foreign to this language ("the city" in a Spanish text) weighs what its words do.
        float foreign = foreignWords.meanWeight(lang, plainWords(query));
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(reading, BooleanClause.Occur.MUST);
        if (stemmed != null) {
            b.add(scaled(stemmed, foreign), BooleanClause.Occur.SHOULD);
        }
        if (written != null) {
            b.add(scaled(written, foreign), BooleanClause.Occur.SHOULD);
        }
        if (title != null) {
            // The words of a remembered headline sit together in one article's title; scattered over the
            // titles of others, each word alone counts only in the BM25F clause above.
            b.add(scaled(title, foreign), BooleanClause.Occur.SHOULD);
        }
        if (writtenTitle != null) {
            b.add(scaled(writtenTitle, foreign), BooleanClause.Occur.SHOULD);
        }
        if (pairs != null) {
            b.add(scaled(pairs, foreign), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    /**
     * Each two neighbouring words of a query of three or more as written next to one another in the title or
     * the text (Solr's {@code pf2}): a reader recalls a passage in pieces ("Kooperationen sie" from "wie viele
     * Kooperationen sie in diesem Jahr", "sind" from elsewhere), and the whole-query phrase, needing every
     * word within its slop, says nothing then. Pairs of two stop words are left out: every article of the
     * language holds them, and their long postings would cost each query more than they tell.
     */
    private Query adjacentPairs(String lang, String query) {
        List<String> words = plainWords(query);
        if (words.size() < 3 || words.size() > PROXIMITY_WORDS) {
            return null;
        }
        String field = IndexFields.surfaceTextField(lang);
        List<List<String>> surface = new ArrayList<>();
        List<Boolean> stop = new ArrayList<>();
        for (String word : words) {
            List<String> asWritten = terms(field, word);
            surface.add(asWritten);
            stop.add(terms(IndexFields.textField(lang), word).isEmpty()); // with asWritten: a stop word
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int n = 0;
        for (int i = 0; i + 1 < words.size(); i++) {
            List<String> a = surface.get(i);
            List<String> b = surface.get(i + 1);
            if (a.isEmpty() || b.isEmpty() || stop.get(i) && stop.get(i + 1)) {
                continue;
            }
            // A word of several terms ("covid-19") meets its neighbour with its last or first one.
            String left = a.get(a.size() - 1);
            String right = b.get(0);
            any.add(titleOrText(new PhraseQuery(PAIR_SLOP, IndexFields.surfaceTitleField(lang), left, right),
                    new PhraseQuery(PAIR_SLOP, field, left, right)), BooleanClause.Occur.SHOULD);
            n++;
        }
        return n == 0 ? null : any.build();
    }

    /**
     * The words as written near one another in the title, when some of them are stop words of the language
     * (null otherwise: the stemmed title phrase says the same). A headline is recalled with its function
     * words ("sagt der", "Ministerium für"), and the stemmed phrase, lacking them, would rank a title
     * holding the one other word as high as the title the reader saw.
     */
    private Query titleAsWritten(String lang, String query) {
        for (String word : plainWords(query)) {
            if (isStopWord(analyzer, lang, word)) {
                return near(IndexFields.surfaceTitleField(lang), query, false, false);
            }
        }
        return null;
    }

    /**
     * A stop word of the language: a word its stemmed fields drop and its surface fields keep (title and text
     * share the language's chains).
     */
    static boolean isStopWord(Analyzer analyzer, String lang, String word) {
        return terms(analyzer, IndexFields.textField(lang), word).isEmpty()
                && !terms(analyzer, IndexFields.surfaceTextField(lang), word).isEmpty();
    }

    private static Query scaled(Query q, float weight) {
        return weight < 1f ? new BoostQuery(q, weight) : q;
    }

    /** The words of a query that are plain words: letters and digits, inner hyphens and apostrophes. */
    private static List<String> plainWords(String query) {
        List<String> out = new ArrayList<>();
        for (String word : query.strip().split("\\s+")) {
            if (isPlainWord(word)) {
                out.add(word);
            }
        }
        return out;
    }

    private static boolean isPlainWord(String word) {
        return word.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '\'' || c == '’');
    }

    /**
     * A sloppy phrase of the query's plain words as the field analyses them (with {@code spellings}, fuzzy
     * words as their held near spellings, with {@code unheldSpellings} words no article holds too: one phrase
     * per reading), or null for fewer than two words.
     */
    private Query near(String field, String query, boolean spellings, boolean unheldSpellings) {
        List<List<String>> positions = new ArrayList<>();
        Set<String> unheld = unheldSpellings ? unheldWords(field, query) : Set.of();
        for (String word : query.strip().split("\\s+")) {
            if (isPlainWord(word)) {
                List<String> own = terms(field, word);
                // A word no article holds ("sinde", a form nobody writes) would keep the passage from ever
                // matching: the spellings one edit away that articles hold stand in its place, as for "~".
                List<String> held = own.size() == 1 && unheld.contains(own.get(0))
                        ? heldNearSpellings(field, word) : List.of();
                if (held.isEmpty()) {
                    own.forEach(t -> positions.add(List.of(t)));
                } else {
                    positions.add(held);
                }
            } else if (spellings && FUZZY_WORD.matcher(word).matches()) {
                List<String> held = heldNearSpellings(field, word.substring(0, word.indexOf('~')));
                if (!held.isEmpty()) {
                    positions.add(held);
                }
            }
        }
        if (positions.size() < 2 || positions.size() > PROXIMITY_WORDS) {
            return null;
        }
        List<Query> phrases = new ArrayList<>();
        for (List<String> terms : readings(positions)) {
            PhraseQuery.Builder near = new PhraseQuery.Builder().setSlop(PROXIMITY_SLOP);
            for (int i = 0; i < terms.size(); i++) {
                near.add(new Term(field, terms.get(i)), i);
            }
            phrases.add(near.build());
        }
        if (phrases.size() == 1) {
            return phrases.get(0);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        phrases.forEach(p -> any.add(p, BooleanClause.Occur.SHOULD));
        return any.build();
    }

    /** The term sequences the positions spell, one choice per position, at most {@link #NEAR_SPELLINGS}. */
    private static List<List<String>> readings(List<List<String>> positions) {
        List<List<String>> out = List.of(List.of());
        for (List<String> choices : positions) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> head : out) {
                for (String t : choices) {
                    if (next.size() < NEAR_SPELLINGS) {
                        List<String> seq = new ArrayList<>(head);
                        seq.add(t);
                        next.add(seq);
                    }
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * The spellings of a fuzzy word one edit away from it (itself included) that articles hold in a
     * surface field, the commonest first, at most {@link #NEAR_SPELLINGS}.
     */
    private List<String> heldNearSpellings(String field, String word) {
        List<String> folded = terms(field, word);
        if (folded.size() != 1 || docFreqs == null) {
            return List.of();
        }
        try {
            Map<String, Long> df = docFreqs.of(field, NearSpellings.oneEditAway(folded.get(0)));
            return df.entrySet().stream().filter(e -> e.getValue() > 0)
                    // Ties in spelling order, so that every backend picks the same ones whatever its map order.
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(NEAR_SPELLINGS).map(Map.Entry::getKey).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The terms of the query's misspellable plain words that no article holds in the field, counted in one
     * request (a Solr collection answers each over the network); none when the index cannot tell.
     */
    private Set<String> unheldWords(String field, String query) {
        Set<String> asked = new LinkedHashSet<>();
        for (String word : plainWords(query)) {
            List<String> own = terms(field, word);
            if (own.size() == 1 && LanguageParser.misspellable(word)) {
                asked.add(own.get(0));
            }
        }
        if (asked.isEmpty() || docFreqs == null) {
            return Set.of();
        }
        try {
            Map<String, Long> df = docFreqs.of(field, asked);
            asked.removeIf(t -> df.getOrDefault(t, 0L) > 0);
            return asked;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> terms(String field, String text) {
        return terms(analyzer, field, text);
    }

    /** The terms the field's analysis makes of the text, in order. */
    static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Reads the query as plain text: per language, its distinct terms present in the index, the
     * {@link #PASTED_TERMS} rarest of them, each in the title or the text, at least half required.
     */
    public Query parseText(String query) {
        List<Query> readings = new ArrayList<>();
        for (String lang : languages) {
            String textField = IndexFields.textField(lang);
            List<String> terms = informativeTerms(textField, query);
            if (terms.isEmpty()) {
                continue;
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (String term : terms) {
                b.add(titleBoost >= 1f
                        ? titleAndText(new Term(IndexFields.titleField(lang), term), new Term(textField, term))
                        : titleOrText(new TermQuery(new Term(IndexFields.titleField(lang), term)),
                                new TermQuery(new Term(textField, term))), BooleanClause.Occur.SHOULD);
            }
            b.setMinimumNumberShouldMatch((terms.size() + 1) / 2);
            readings.add(b.build());
        }
        return anyOf(readings);
    }

    private List<String> informativeTerms(String field, String text) {
        Map<String, Long> docFreq = new LinkedHashMap<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                docFreq.putIfAbsent(term.toString(), 0L);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (docFreqs != null) {
            try {
                Map<String, Long> counted = docFreqs.of(field, List.copyOf(docFreq.keySet()));
                docFreq.replaceAll((t, df) -> counted.getOrDefault(t, 0L));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            docFreq.values().removeIf(df -> df == 0);
        }
        return docFreq.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .limit(PASTED_TERMS)
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * A reading that excludes something ({@code NOT title:x}) would match every article of another
     * language, which has no field of this one: it is held to the articles of its own language.
     */
    private static Query ownLanguageOnly(Query reading, String lang) {
        if (!excludesSomething(reading)) {
            return reading;
        }
        BooleanQuery.Builder ofLang = new BooleanQuery.Builder();
        if (LanguageAnalyzers.dedicatedLanguages().contains(lang)) {
            ofLang.add(new TermQuery(new Term(IndexFields.LANG, lang)), BooleanClause.Occur.FILTER);
        } else {
            ofLang.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
            for (String dedicated : LanguageAnalyzers.dedicatedLanguages()) {
                ofLang.add(new TermQuery(new Term(IndexFields.LANG, dedicated)), BooleanClause.Occur.MUST_NOT);
            }
        }
        return new BooleanQuery.Builder()
                .add(reading, BooleanClause.Occur.MUST)
                .add(ofLang.build(), BooleanClause.Occur.FILTER)
                .build();
    }

    private static boolean excludesSomething(Query q) {
        boolean[] found = {false};
        q.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                if (occur == BooleanClause.Occur.MUST_NOT) {
                    found[0] = true;
                }
                return this;
            }
        });
        return found[0];
    }

    /**
     * One word in the title and the text scored as one field (BM25F): a title occurrence counts as
     * {@code titleBoost} occurrences of the text, so a word in a short title does not outweigh the
     * rest of the query, as adding a title score and a text score would.
     */
    private Query titleAndText(Term title, Term text) {
        return new CombinedFieldQuery.Builder()
                .addField(title.field(), titleBoost)
                .addField(text.field())
                .addTerm(title.bytes())
                .build();
    }

    private Query titleOrText(Query title, Query text) {
        float weight = titleWeightApart(titleBoost);
        return new BooleanQuery.Builder()
                .add(weight == 1f ? title : new BoostQuery(title, weight), BooleanClause.Occur.SHOULD)
                .add(text, BooleanClause.Occur.SHOULD)
                .build();
    }

    /**
     * The weight of a title match scored apart from the text: a phrase, a prefix, a fuzzy or wildcard word,
     * which cannot be one field with the text. With BM25F ({@code titleBoost} of 1 or more) it is what a
     * title occurrence weighs there against one text occurrence at average length, once BM25 saturates the
     * term frequency: {@code b·(1+k1)/(b+k1)} (1.83 for 6), not {@code b} itself, which would let a near
     * spelling in some other article's title outweigh every other word of the query. Below 1, the title
     * score scaled by it, as configured.
     */
    static float titleWeightApart(float titleBoost) {
        return titleBoost < 1f ? titleBoost : titleBoost * (1 + BM25_K1) / (titleBoost + BM25_K1);
    }

    /** The readings as alternatives; readings that match nothing or repeat another are left out. */
    private static Query anyOf(List<Query> readings) {
        Set<Query> distinct = new LinkedHashSet<>();
        for (Query q : readings) {
            if (q != null && !matchesNothing(q)) {
                distinct.add(q);
            }
        }
        if (distinct.isEmpty()) {
            return new MatchNoDocsQuery("no term of the query is searchable");
        }
        if (distinct.size() == 1) {
            return distinct.iterator().next();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        distinct.forEach(q -> any.add(q, BooleanClause.Occur.SHOULD));
        return any.build();
    }

    private static boolean matchesNothing(Query q) {
        return q instanceof MatchNoDocsQuery || q instanceof BooleanQuery b && b.clauses().isEmpty();
    }

    private static final Set<String> DIRECT_FIELDS_AND_LOGICAL = Set.of(IndexFields.FEED, IndexFields.LANG,
            IndexFields.SITE, IndexFields.AUTHOR, IndexFields.URL, IndexFields.TITLE, IndexFields.TEXT);

    /** Builds the query for one concrete field. */
    @FunctionalInterface
    private interface PerField {
        Query build(String field) throws ParseException;
    }

    /** The classic parser for one language's fields. */
    private final class LanguageParser extends QueryParser {
        private final String lang;
        private final boolean surfaceOnly;
        private final Reading reading;
        private final boolean relaxed;
        /** The queries of words that are stop words of this language, read as written. */
        private final Set<Query> stopWords = Collections.newSetFromMap(new IdentityHashMap<>());
        /**
         * Whether articles of this language hold enough of the plain words for the reading to match some
         * (worked out for readings other than ALL; false until then).
         */
        boolean satisfiable;

        /**
         * @param surfaceOnly match every term against the surface forms (words as written, stop words kept)
         * @param reading     how many of the plain words are required
         */
        LanguageParser(Analyzer analyzer, String lang, boolean surfaceOnly, Reading reading) {
            super(ANY, analyzer);
            this.lang = lang;
            this.surfaceOnly = surfaceOnly;
            this.reading = reading;
            this.relaxed = reading != Reading.ALL;
            setDefaultOperator(defaultAnd && !relaxed ? Operator.AND : Operator.OR);
            // One clause per word, so that each word may sit in the title or the text on its own.
            setSplitOnWhitespace(true);
            if (relaxed) {
                // The second try: a quoted phrase no article holds word for word may have lost a word
                // on the way ("de 5,3% da economia" recalled as "de da economia"): its words near one another.
                setPhraseSlop(RELAXED_PHRASE_SLOP);
            }
        }

        /**
         * Reads the query; null when every word is a stop word of this language, which the caller then
         * reads as written. Stop words among other words are not required, but count when present.
         */
        @Override
        public Query parse(String query) throws ParseException {
            Query q = super.parse(query);
            if (stopWords.contains(q)) {
                return null;
            }
            if (!(q instanceof BooleanQuery b)) {
                satisfiable = relaxed && held(q);
                return q;
            }
            List<BooleanClause> words = new ArrayList<>();
            List<BooleanClause> others = new ArrayList<>();
            for (BooleanClause c : b.clauses()) {
                if (stopWords.contains(c.getQuery()) && c.getOccur() != BooleanClause.Occur.MUST_NOT) {
                    others.add(new BooleanClause(c.getQuery(), BooleanClause.Occur.SHOULD));
                } else if (relaxed && c.getOccur() == BooleanClause.Occur.SHOULD) {
                    words.add(c);
                } else {
                    others.add(c);
                }
            }
            if (!b.clauses().isEmpty() && others.stream().allMatch(c -> stopWords.contains(c.getQuery()))
                    && words.isEmpty()) {
                return null;
            }
            BooleanQuery.Builder out = new BooleanQuery.Builder();
            int required = reading.required(words.size());
            if (reading != Reading.ALL) {
                // A word no article holds cannot be required of a near miss: the others all are then.
                int held = (int) words.stream().filter(c -> held(c.getQuery())).count();
                satisfiable = held >= required;
                if (reading != Reading.HALF) {
                    required = Math.min(required, held);
                }
                if (required == 0 && reading != Reading.HALF) {
                    // No word of the query is in an article of this language: its stop words, as written,
                    // are all that is left to rank by ("von bis auf werden auche"). So for the near misses
                    // too: a stray full match in another language's articles keeps the query from its last
                    // resort, and this language's articles would never be listed ("paras têm").
                    List<BooleanClause> written = others.stream()
                            .filter(c -> stopWords.contains(c.getQuery())).toList();
                    others.removeAll(written);
                    words.addAll(written);
                    required = Reading.HALF.required(written.size());
                }
                if (required == 0) {
                    return new MatchNoDocsQuery("no word of the query is in an article of this language");
                }
            }
            if (words.size() > 1 && required < words.size()) {
                BooleanQuery.Builder some = new BooleanQuery.Builder();
                words.forEach(some::add);
                out.add(some.setMinimumNumberShouldMatch(required).build(), BooleanClause.Occur.MUST);
            } else {
                words.forEach(c -> out.add(c.getQuery(), BooleanClause.Occur.MUST));
            }
            others.forEach(out::add);
            return out.build();
        }

        /** Whether some word of the query read so far is a stop word of this language. */
        boolean sawStopWords() {
            return !stopWords.isEmpty();
        }

        /**
         * Whether some article holds the word: a term of it has a document frequency; words matched by
         * pattern (prefix, wildcard, fuzzy) count as held.
         */
        private boolean held(Query word) {
            if (docFreqs == null) {
                return true;
            }
            Map<String, Set<String>> byField = new LinkedHashMap<>();
            boolean[] pattern = {false};
            word.visit(new QueryVisitor() {
                @Override
                public void consumeTerms(Query query, Term... terms) {
                    for (Term t : terms) {
                        byField.computeIfAbsent(t.field(), f -> new LinkedHashSet<>()).add(t.text());
                    }
                }

                @Override
                public void consumeTermsMatching(Query query, String field,
                                                 Supplier<ByteRunAutomaton> automaton) {
                    pattern[0] = true;
                }

                @Override
                public void visitLeaf(Query query) {
                    pattern[0] = true;
                }

                @Override
                public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                    return this;
                }
            });
            if (pattern[0] || byField.isEmpty()) {
                return true;
            }
            try {
                for (Map.Entry<String, Set<String>> field : byField.entrySet()) {
                    if (docFreqs.of(field.getKey(), field.getValue()).values().stream().anyMatch(df -> df > 0)) {
                        return true;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return false;
        }

        @Override
        protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
            if (surfaceOnly && isLogical(field) && !quoted) {
                Query asWritten = expand(field, true, f -> super.getFieldQuery(f, text, false));
                return asWritten == null ? null : foreignWords.scaled(asWritten, lang, text);
            }
            if (surfaceOnly || !isLogical(field)) {
                return expand(field, surfaceOnly, f -> super.getFieldQuery(f, text, quoted));
            }
            Query stemmed = expand(field, false, f -> super.getFieldQuery(f, text, quoted));
            if (stemmed != null && reading == Reading.LAST_RESORT && !quoted && misspellable(text) && !held(stemmed)) {
                // A word no article holds is likely misspelt or in a form nobody writes ("Proficlubse");
                // its near spellings stand in for it.
                return expand(field, true, f -> super.getFuzzyQuery(f, text, nearSpellingEdits(text)));
            }
            if (stemmed != null && !quoted) {
                return foreignWords.scaled(stemmed, lang, text);
            }
            if (stemmed != null || quoted) {
                return stemmed;
            }
            Query asWritten = expand(field, true, f -> super.getFieldQuery(f, text, false));
            if (asWritten != null) {
                stopWords.add(asWritten);
            }
            return asWritten;
        }

        /** A quoted phrase (the parser reads every quoted phrase through here, with its slop). */
        @Override
        protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
            if (surfaceOnly || !isLogical(field)) {
                return expand(field, surfaceOnly, f -> super.getFieldQuery(f, text, slop));
            }
            // The words exactly as written; where no stop word falls out of the phrase, its stemmed words
            // too ("rising tariffs" ~ "tariff rises"), the exact wording ranking first.
            Query stemmed = expand(field, false, f -> super.getFieldQuery(f, text, slop));
            Query exact = expand(field, true, f -> super.getFieldQuery(f, text, slop));
            if (stemmed == null || exact == null
                    || count(IndexFields.textField(lang), text) < count(IndexFields.surfaceTextField(lang), text)) {
                return exact != null ? exact : stemmed;
            }
            return new BooleanQuery.Builder().add(stemmed, BooleanClause.Occur.SHOULD)
                    .add(exact, BooleanClause.Occur.SHOULD).build();
        }

        /** A word of letters only, long enough for its near spellings to be other words of its kind. */
        private static boolean misspellable(String text) {
            return text.length() >= MIN_NEAR_SPELLING && text.chars().allMatch(Character::isLetter);
        }

        private int count(String field, String text) {
            int n = 0;
            try (TokenStream ts = getAnalyzer().tokenStream(field, text)) {
                ts.reset();
                while (ts.incrementToken()) {
                    n++;
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return n;
        }

        private static boolean isLogical(String field) {
            return field.equals(ANY) || field.equals(IndexFields.TITLE) || field.equals(IndexFields.TEXT);
        }

        @Override
        protected Query getPrefixQuery(String field, String text) throws ParseException {
            return expand(field, true, f -> super.getPrefixQuery(f, text));
        }

        @Override
        protected Query getWildcardQuery(String field, String text) throws ParseException {
            if (field.equals("*")) {
                return super.getWildcardQuery(field, text); // *:* means every article
            }
            return expand(field, true, f -> super.getWildcardQuery(f, text));
        }

        @Override
        protected Query getFuzzyQuery(String field, String text, float similarity) throws ParseException {
            return expand(field, true, f -> super.getFuzzyQuery(f, text, similarity));
        }

        @Override
        protected Query getRegexpQuery(String field, String text) throws ParseException {
            return expand(field, true, f -> super.getRegexpQuery(f, text));
        }

        @Override
        protected Query getRangeQuery(String field, String lo, String hi, boolean loIncl, boolean hiIncl)
                throws ParseException {
            return expand(field, true, f -> super.getRangeQuery(f, lo, hi, loIncl, hiIncl));
        }

        /**
         * The query for a logical field in this language: the title and text fields (stemmed, or their
         * surface forms), either of which may match.
         */
        private Query expand(String field, boolean surface, PerField perField) throws ParseException {
            boolean title = field.equals(ANY) || field.equals(IndexFields.TITLE);
            boolean text = field.equals(ANY) || field.equals(IndexFields.TEXT);
            if (!title && !text) {
                // Per-language fields come back here when the base parser builds phrases.
                if (!DIRECT_FIELDS.contains(field) && !IndexFields.isLanguageField(field)) {
                    throw new ParseException("unknown field '" + field
                            + ":' (fields: title, text, feed, lang, author, site, url)");
                }
                return perField.build(field);
            }
            Query t = title ? perField.build(surface ? IndexFields.surfaceTitleField(lang) : IndexFields.titleField(lang))
                    : null;
            Query x = text ? perField.build(surface ? IndexFields.surfaceTextField(lang) : IndexFields.textField(lang))
                    : null;
            if (t == null || x == null) {
                return t != null ? boosted(t) : x;
            }
            if (t instanceof TermQuery tt && x instanceof TermQuery xt && titleBoost >= 1f
                    && tt.getTerm().bytes().equals(xt.getTerm().bytes())) {
                return titleAndText(tt.getTerm(), xt.getTerm());
            }
            return titleOrText(t, x);
        }

        private Query boosted(Query title) {
            return titleBoost == 1f ? title : new BoostQuery(title, titleBoost);
        }
    }
}
