package dev.winnow.extract;

import dev.winnow.article.Block;
import dev.winnow.article.BlockType;
import dev.winnow.article.Removal;
import dev.winnow.article.TitleKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Last pass over the written lines: drops, with a reason, what markup alone could not tell apart —
 * the headline repeated in the body, "read also" promos, ad labels, share and newsletter prompts,
 * bylines and image credits, and lines that are nothing but a link. A paragraph said twice is kept
 * twice: a repeat in the body is the author's (a refrain, a recurring quote), not the page's.
 */
final class LineFilter {
    /** Lines longer than this (characters) are prose: no prompt, credit or byline is that long. */
    private static final int SHORT_LINE = 160;
    private static final int PROMO_PREFIX = 60;
    /**
     * Body letters kept before a comments label that make it the end of the article: a label at the top
     * ("12 comments" beside the byline) only counts them.
     */
    private static final int ARTICLE_BEFORE_COMMENTS = 300;
    /** A comments label is a short line. */
    private static final int COMMENTS_LABEL_CHARS = 80;

    private final PageMetadata metadata;
    private final ExtractSettings settings;
    private final Set<String> authorKeys = new HashSet<>();

    LineFilter(PageMetadata metadata, ExtractSettings settings) {
        this.metadata = metadata;
        this.settings = settings;
        for (String a : metadata.authors) {
            String k = BoilerplateLines.fold(a);
            if (k.length() >= 4) {
                authorKeys.add(k);
            }
        }
    }

    /** Keeps the good lines as blocks; every other line goes to {@code removed} with its reason. */
    List<Block> apply(List<BlockWriter.Line> lines, List<Removal> removed) {
        List<Block> blocks = new ArrayList<>();
        String titleKey = TitleKeys.of(metadata.title);
        int kept = 0;
        boolean comments = false;
        for (int i = 0; i < lines.size(); i++) {
            BlockWriter.Line line = lines.get(i);
            // Comments set as plain paragraphs in the post's own box follow a label that says so: the
            // article has ended there, and everything after it is readers' text.
            String folded = line.text().length() > SHORT_LINE ? null : BoilerplateLines.fold(line.text());
            comments |= kept >= ARTICLE_BEFORE_COMMENTS && line.text().length() <= COMMENTS_LABEL_CHARS
                    && BoilerplateLines.isCommentsLabel(folded);
            String reason = comments ? "comments" : reason(line, titleKey, folded, isLinkLine(lines, i));
            if (reason == null) {
                String text = line.type() == BlockType.CAPTION ? BoilerplateLines.withoutSlideCounter(line.text())
                        : line.text();
                blocks.add(new Block(line.type(), text));
                kept += line.letters();
            } else {
                removed.add(new Removal(line.text(), "extract", reason, 1.0,
                        Map.of("linkDensity", line.linkDensity()), blocks.size()));
            }
        }
        return blocks;
    }

    /**
     * Why the line goes, or null; {@code folded} is {@link BoilerplateLines#fold} of a short line, else null;
     * {@code linkLine}: whether it is a link line among its neighbours ({@link #isLinkLine(List, int)}).
     */
    private String reason(BlockWriter.Line line, String titleKey, String folded, boolean linkLine) {
        String text = line.text();
        if (line.topHeading() || isTitle(text, titleKey)) {
            // A page's h1 is its headline, whatever wording the metadata gives the title.
            return "title";
        }
        if (line.type() == BlockType.CAPTION && !settings.keepCaptions()) {
            return "caption";
        }
        if (text.length() > SHORT_LINE) {
            // Long lines are prose; only a promo label at their start can make them boilerplate.
            if (BoilerplateLines.isRelatedPromo(BoilerplateLines.fold(text.substring(0, PROMO_PREFIX)))) {
                return "related";
            }
            return linkLine ? "link-dense" : null;
        }
        return shortLineReason(line, folded, linkLine);
    }

    /**
     * Wording rules for short lines, in priority order: the first that matches names the reason. A line that
     * names a podcast or a show with an invitation ("listen to", "download") is not among them: an article
     * about a show reads the same, and the off-topic filter weighs promo wording against the page's topic.
     */
    private static final List<Map.Entry<String, Predicate<String>>> WORDING = List.of(
            Map.entry("ad", BoilerplateLines::isAdLabel),
            Map.entry("related", BoilerplateLines::isRelatedPromo),
            Map.entry("share", BoilerplateLines::isSharePrompt),
            Map.entry("newsletter", BoilerplateLines::isNewsletterPrompt),
            Map.entry("membership", BoilerplateLines::isSupportPrompt),
            Map.entry("counter", BoilerplateLines::isCounter),
            Map.entry("image-credit", BoilerplateLines::isImageCredit));

    private String shortLineReason(BlockWriter.Line line, String folded, boolean linkLine) {
        for (Map.Entry<String, Predicate<String>> rule : WORDING) {
            if (rule.getValue().test(folded)) {
                return rule.getKey();
            }
        }
        if (line.type() != BlockType.QUOTE && (BoilerplateLines.isByline(folded) || isAuthorLine(folded))) {
            return "byline";
        }
        // A date alone on a line is left to the header: one under the headline is taken there
        // (HeaderLines), and one further down is the article's own (a live blog's timestamps, a post's
        // date in a list of posts, a row of figures that only looks like one).
        return linkLine ? "link-dense" : null;
    }

    /**
     * A line of the article's header: a byline, a dateline or the author's name, as this filter drops them
     * from the body (so a header line is never also a body line).
     */
    boolean isHeaderLine(String text) {
        if (text.length() > SHORT_LINE) {
            return false;
        }
        String folded = BoilerplateLines.fold(text);
        return BoilerplateLines.isByline(folded) || isAuthorLine(folded) || BoilerplateLines.isDateLine(folded);
    }

    /** A line that is nothing but a link (a headline pointing elsewhere), not a long linked passage. */
    private static boolean isLinkLine(BlockWriter.Line line) {
        return line.linkDensity() > 0.8 && line.letters() < 250 && line.type() != BlockType.QUOTE;
    }

    /** Line {@code i} is nothing but a link, and not a source the author cites by its address. */
    private static boolean isLinkLine(List<BlockWriter.Line> lines, int i) {
        return isLinkLine(lines.get(i)) && !isCitedAddress(lines, i);
    }

    /**
     * Line {@code i} is a source the author cites by its address ("http://example.org/report.pdf" under the
     * sentence that names it): a link that shows where it goes, alone among the text. A run of such lines,
     * or one in a list, is a link list, judged as links.
     */
    private static boolean isCitedAddress(List<BlockWriter.Line> lines, int i) {
        BlockWriter.Line line = lines.get(i);
        return line.type() == BlockType.PARAGRAPH && line.linkDensity() > 0.8 && showsAnAddress(line.text())
                && (i == 0 || !isLinkLine(lines.get(i - 1)))
                && (i + 1 == lines.size() || !isLinkLine(lines.get(i + 1)));
    }

    /**
     * Whether a web address makes up most of the line ("http://example.org/report.pdf", "Source: www.x.org/…"):
     * a link to another page shows its headline, not its address.
     */
    static boolean showsAnAddress(String text) {
        int at = text.indexOf("://");
        int start = at >= 4 ? text.lastIndexOf(' ', at) + 1 : text.indexOf("www.");
        if (start < 0) {
            return false;
        }
        int end = text.indexOf(' ', start);
        return (end < 0 ? text.length() : end) - start >= text.length() / 2;
    }

    private static boolean isTitle(String text, String titleKey) {
        int n = text.length();
        return !titleKey.isEmpty() && n >= titleKey.length() * 0.8 && n <= titleKey.length() * 1.3 + 5
                && TitleKeys.of(text).equals(titleKey);
    }

    /** A short line that is the author's name, or little more ("Jane Doe, Reuters"). */
    private boolean isAuthorLine(String folded) {
        if (folded.length() > 80) {
            return false;
        }
        for (String a : authorKeys) {
            if (folded.contains(a) && folded.length() <= a.length() + 30) {
                return true;
            }
        }
        return false;
    }
}
