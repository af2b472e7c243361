package dev.winnow.pipeline;

import dev.winnow.article.StoredArticle;
import dev.winnow.filter.BatchCorpusStats;
import dev.winnow.filter.CorpusStats;
import dev.winnow.filter.FilterInput;
import dev.winnow.filter.FilterResult;
import dev.winnow.filter.OffTopicFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Filters a batch of extracted articles together: the batch's own term statistics join the index's,
 * and each article's siblings' titles are known titles, so a first run on an empty index still has
 * evidence to go on.
 */
public final class CleaningStage {
    private final OffTopicFilter filter;

    public CleaningStage(OffTopicFilter filter) {
        this.filter = filter;
    }

    public List<StoredArticle> clean(List<Candidate> batch, CorpusStats indexStats, String feedUrl, Instant now) {
        List<String> titles = batch.stream().map(Candidate::title).toList();
        List<FilterInput> inputs = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Candidate c = batch.get(i);
            List<String> siblings = new ArrayList<>(titles);
            siblings.remove(i);
            inputs.add(new FilterInput(c.url(), c.title(), ArticleAssembler.bodyLines(c.extracted()),
                    ArticleAssembler.declaredLanguage(c), siblings));
        }
        CorpusStats stats = BatchCorpusStats.of(indexStats, inputs);
        List<StoredArticle> out = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            FilterResult verdict = filter.filter(inputs.get(i), stats);
            out.add(ArticleAssembler.assemble(batch.get(i), verdict, feedUrl, now));
        }
        return out;
    }
}
