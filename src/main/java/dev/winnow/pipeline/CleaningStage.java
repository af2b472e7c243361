package dev.winnow.pipeline;

import dev.winnow.article.Block;
import dev.winnow.article.StoredArticle;
import dev.winnow.filter.BatchCorpusStats;
import dev.winnow.filter.CorpusStats;
import dev.winnow.filter.FilterInput;
import dev.winnow.filter.FilterResult;
import dev.winnow.filter.LineVerdict;
import dev.winnow.filter.OffTopicFilter;
import dev.winnow.filter.RecentLines;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Filters a batch of extracted articles together: the batch's own term statistics join the index's,
 * and each article's siblings' titles are known titles, so a first run on an empty index still has
 * evidence to go on. A long-running stage also knows the long lines of the articles it cleaned before
 * ({@link RecentLines}), so a line repeated across polls counts as repeated.
 */
public final class CleaningStage {
    private final OffTopicFilter filter;
    private final RecentLines recent;

    /** A stage that knows only each batch and the index (a one-off {@code clean}). */
    public CleaningStage(OffTopicFilter filter) {
        this(filter, new RecentLines(0));
    }

    public CleaningStage(OffTopicFilter filter, RecentLines recent) {
        this.filter = filter;
        this.recent = recent;
    }

    public List<StoredArticle> clean(List<Candidate> batch, CorpusStats indexStats, String feedUrl, Instant now) {
        List<FilterInput> inputs = inputs(batch);
        CorpusStats stats = stats(indexStats, inputs);
        List<StoredArticle> out = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            FilterResult verdict = filter.filter(inputs.get(i), stats);
            out.add(ArticleAssembler.assemble(batch.get(i), verdict, feedUrl, now));
        }
        recent.remember(inputs);
        return out;
    }

    /**
     * Every line's verdict, kept or removed, per article of the batch: judged as {@link #clean} judges (a
     * batch already cleaned by this stage is not evidence against itself: its own URLs and copies never count).
     */
    public List<List<LineVerdict>> assess(List<Candidate> batch, CorpusStats indexStats) {
        List<FilterInput> inputs = inputs(batch);
        CorpusStats stats = stats(indexStats, inputs);
        return inputs.stream().map(in -> filter.assess(in, stats)).toList();
    }

    private CorpusStats stats(CorpusStats indexStats, List<FilterInput> inputs) {
        return BatchCorpusStats.of(recent.over(indexStats, inputs), inputs);
    }

    private static List<FilterInput> inputs(List<Candidate> batch) {
        List<String> titles = batch.stream().map(Candidate::title).toList();
        List<FilterInput> inputs = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Candidate c = batch.get(i);
            List<String> siblings = new ArrayList<>(titles);
            siblings.remove(i);
            inputs.add(new FilterInput(c.url(), c.title(), ArticleAssembler.bodyLines(c.extracted()),
                    ArticleAssembler.declaredLanguage(c), siblings,
                    c.extracted().blocks().stream().map(Block::type).toList()));
        }
        return inputs;
    }
}
