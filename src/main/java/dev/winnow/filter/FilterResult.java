package dev.winnow.filter;

import dev.winnow.article.Removal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The filter's verdict on one article: which lines go, each with its reason, score and signals.
 *
 * @param lang the language the article was analysed as (declared or detected)
 */
public record FilterResult(String lang, List<Removal> removals) {
    public FilterResult {
        removals = List.copyOf(removals);
    }

    /** Indices (into the input paragraphs) of the removed lines, ascending. */
    public Set<Integer> removedIndices() {
        Set<Integer> out = new TreeSet<>();
        removals.forEach(r -> out.add(r.index()));
        return out;
    }

    /** The input paragraphs minus the removed ones, in order. */
    public List<String> kept(List<String> paragraphs) {
        Set<Integer> gone = removedIndices();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            if (!gone.contains(i)) {
                out.add(paragraphs.get(i));
            }
        }
        return out;
    }
}
