package dev.winnow.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Finds the article body on a measured page. Structural junk is marked first (and takes no part in
 * scoring); then every block that shows a paragraph of its own gives a score to its ancestors (more
 * for long, comma-rich, link-poor text), candidates are weighted by class/id cues and link density,
 * and the best one is taken together with the siblings that look like more of the same article (a
 * body split by ads or teasers). This is the scheme Readability made standard, on precomputed
 * measures so that it costs one linear pass.
 */
final class ContentFinder {
    private static final int ANCESTOR_LEVELS = 5;
    /** Prose a sibling box needs to join the body: a lead paragraph, not a one-line subtitle. */
    private static final int LEAD_LETTERS = 150;
    /** A "heading" this long is a standfirst set in heading type: it counts as prose. */
    private static final int LONG_HEADING_LETTERS = 150;
    /**
     * Prose a box of the same kind as the body's, elsewhere on the page, needs to be more of the article:
     * more than a teaser excerpt of another post (a blog's list of posts shares the post's classes).
     */
    private static final int TWIN_LETTERS = 500;
    /** Text of a box between the body's box and the paragraphs that go on after it: a caption, not a module. */
    private static final int TAIL_GAP_LETTERS = 150;
    /** How many levels above the body's box a lead or standfirst is looked for. */
    private static final int LEAD_LEVELS = 4;
    /** Text a box its class names as the lead needs: a sentence, not a label. */
    private static final int NAMED_LEAD_LETTERS = 60;
    /**
     * Share of the best score the headline's box needs to win over a longer box elsewhere: a short article
     * under its headline scores less than a long promo or teaser box, but not that much less.
     */
    private static final double HEADLINE_BOX_SHARE = 0.3;
    /** Boxes larger than this are not searched for a named lead: a header is small. */
    private static final int NAMED_LEAD_SEARCH_LETTERS = 1200;
    /**
     * Further out than the body's parent, a lead is a sentence or three: a longer prose box there is a
     * block of its own (a quoted claim, an info box), not the start of the article.
     */
    private static final int OUTER_LEAD_MAX_LETTERS = 450;
    /**
     * Junk found by class/id words that a box holding this much link-poor text overrides: it is a wrapper
     * (half as much for reasons whose boxes never hold prose, such as ad slots and share bars).
     */
    private static final int WRAPPER_LETTERS = 1600;
    /** Unlinked letters of a quoted social post: a sentence, not a bare "pic.twitter.com/…" or a handle. */
    private static final int QUOTED_POST_LETTERS = 20;
    /** Link share above which a quoted post is the embed's links ("View this post…", "A post shared by…"). */
    private static final double QUOTED_POST_LINK_DENSITY = 0.5;
    private static final Set<String> OVERRIDABLE = Set.of("share", "embed", "ad", "related", "overlay", "sidebar",
            "newsletter", "byline", "image-credit", "navigation", "gallery");

    private final DomStats stats;
    private final ExtractSettings settings;
    private final JunkRules rules;
    private final List<Element> candidates = new ArrayList<>();

    ContentFinder(DomStats stats, ExtractSettings settings, JunkRules rules) {
        this.stats = stats;
        this.settings = settings;
        this.rules = rules;
    }

    /** The junk reason of an element (once {@link #find} has run), or null. */
    String junkOf(Element e) {
        NodeStats s = stats.get(e);
        return s == null ? null : s.junk;
    }

    /**
     * The elements that make up the article body in document order, or an empty list; {@code headline} is
     * the element that shows the article's headline, or null.
     */
    List<Element> find(Element body, Element headline) {
        for (Element e : stats.junkHints()) {
            NodeStats s = stats.get(e);
            s.junk = confirmJunk(e, s.junkHint, s);
        }
        for (Element p : stats.paragraphs()) {
            if (!insideJunk(p)) {
                scoreParagraph(p);
            }
        }
        Element top = null;
        double best = 0;
        for (Element c : candidates) {
            NodeStats s = stats.get(c);
            s.score = s.score * (1 - s.linkDensity());
            if (s.score > best) {
                best = s.score;
                top = c;
            }
        }
        if (top == null) {
            return List.of();
        }
        top = underHeadline(top, best, headline);
        top = widen(top, body, headline);
        return withTwins(top, withSiblings(top));
    }

    /**
     * A body split by the template into boxes far apart ("story-body-1" … "story-body-2", one per section
     * between pictures): other prose boxes of the same tag and first class word as the chosen one are more
     * of the same article, placed before or after it in page order.
     */
    private List<Element> withTwins(Element top, List<Element> roots) {
        String kind = firstClass(top);
        if (kind.isEmpty()) {
            return roots;
        }
        List<Element> before = new ArrayList<>();
        List<Element> after = new ArrayList<>();
        boolean seenTop = false;
        // Candidates were met in page order (by their first paragraph), so they tell before from after.
        for (Element c : candidates) {
            if (c == top) {
                seenTop = true;
                continue;
            }
            NodeStats s = stats.get(c);
            if (s.goodText < TWIN_LETTERS || !c.normalName().equals(top.normalName()) || !kind.equals(firstClass(c))
                    || !isProseBox(c, s) || overlaps(c, roots) || insideJunk(c)) {
                continue;
            }
            (seenTop ? after : before).add(c);
        }
        if (before.isEmpty() && after.isEmpty()) {
            return roots;
        }
        List<Element> out = new ArrayList<>(before);
        out.addAll(roots);
        out.addAll(after);
        return out;
    }

    /**
     * The box that holds the headline, when it holds prose and scores a fair share of the best: the article
     * is what the page titles, and a longer box elsewhere (a promo, a teaser list, another story) is not it.
     * The nearest scored box around the headline is its box; one that contains the best box, or sits inside
     * it, agrees with it.
     */
    private Element underHeadline(Element top, double best, Element headline) {
        if (headline == null) {
            return top;
        }
        for (Element a = headline.parent(); a != null; a = a.parent()) {
            NodeStats s = stats.get(a);
            if (s == null) {
                return top;
            }
            if (!s.candidate) {
                continue;
            }
            if (a == top || isAncestor(a, top) || isAncestor(top, a) || insideJunk(a)) {
                return top;
            }
            return s.score >= best * HEADLINE_BOX_SHARE && isProseBox(a, s) ? a : top;
        }
        return top;
    }

    private static String firstClass(Element e) {
        if (e.attributesSize() == 0) {
            return "";
        }
        String c = e.attributes().get("class").strip();
        int space = c.indexOf(' ');
        return space < 0 ? c : c.substring(0, space);
    }

    private static boolean overlaps(Element e, List<Element> roots) {
        for (Element r : roots) {
            if (r == e || isAncestor(r, e) || isAncestor(e, r)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Junk reason with a guard: a box that holds most of the page, or much prose, is a wrapper, not junk;
     * a social post the article quotes is a quotation.
     */
    private String confirmJunk(Element e, String reason, NodeStats s) {
        int page = Math.max(1, stats.bodyText());
        if ((reason.equals("embed") || reason.equals("share")) && isQuotedPost(e, s)) {
            return null;
        }
        if (reason.equals("footer")) {
            // "body-and-footer", "content-footer-wrap": a box that holds most of the page is a layout
            // region named for what it ends with, not the footer itself.
            return s.text > 500 && s.text > page * 0.5 ? null : reason;
        }
        if (!OVERRIDABLE.contains(reason)) {
            return reason;
        }
        int enough = reason.equals("related") || reason.equals("sidebar") ? WRAPPER_LETTERS : WRAPPER_LETTERS / 3;
        boolean wrapper = s.text > 500 && s.text > page * 0.4
                || s.text >= enough && s.linkDensity() < 0.25;
        return wrapper ? null : reason;
    }

    /**
     * A social post set as a {@code <blockquote>} with its words in the page (a tweet the article cites,
     * "— Name (@handle) date" under it), alone in its box: the article quotes it, as it quotes a speaker.
     * A post whose text is mostly links is the embed's own chrome ("View this post on Instagram"), not words.
     * Only single-child boxes are walked down to the quote, so this costs a few steps per embed hint.
     */
    private boolean isQuotedPost(Element e, NodeStats s) {
        Element q = e;
        while (!q.normalName().equals("blockquote")) {
            Element only = null;
            for (Element c = q.firstElementChild(); c != null; c = c.nextElementSibling()) {
                NodeStats cs = stats.get(c);
                if (cs != null && cs.text > 0) {
                    if (only != null) {
                        return false;
                    }
                    only = c;
                }
            }
            if (only == null) {
                return false;
            }
            q = only;
        }
        NodeStats qs = stats.get(q);
        return qs.text >= s.text * 0.9 && qs.text - qs.linkText >= QUOTED_POST_LETTERS
                && qs.linkDensity() < QUOTED_POST_LINK_DENSITY;
    }

    private boolean insideJunk(Element e) {
        for (Element a = e; a != null; a = a.parent()) {
            NodeStats s = stats.get(a);
            if (s == null) {
                return false;
            }
            if (s.junk != null) {
                return true;
            }
        }
        return false;
    }

    private void scoreParagraph(Element e) {
        NodeStats s = stats.get(e);
        String tag = e.normalName();
        if (Html.isHeading(tag) && s.inlineText < LONG_HEADING_LETTERS || s.inlineLinkDensity() > 0.5) {
            return;
        }
        // Text set with line breaks instead of paragraphs (a whole article in one <p> or <div>) scores as
        // the paragraphs it shows, not as one.
        int pieces = 1 + Math.min(s.inlineBreaks, s.inlineText / settings.minParagraphChars());
        double score = pieces + s.inlineCommas + Math.min(s.inlineText / 100.0, 3.0 * pieces);
        boolean cell = tag.equals("li") || tag.equals("dd") || tag.equals("dt") || tag.equals("td") || tag.equals("th");
        // Prose measure for widening and leads: list items and cells are left out, teaser lists are made of
        // them, and so are captions, which a box of pictures holds without being article text.
        for (Element a = cell || inCaption(e) ? null : e; a != null; a = a.parent()) {
            NodeStats as = stats.get(a);
            if (as == null) {
                break;
            }
            as.goodText += s.inlineText - s.inlineLink;
            as.longestProse = Math.max(as.longestProse, s.inlineText - s.inlineLink);
        }
        if (cell) {
            score *= 0.5;
        }
        Element a = e.parent();
        for (int level = 0; level < ANCESTOR_LEVELS && a != null; level++, a = a.parent()) {
            NodeStats as = stats.get(a);
            if (as == null || a.normalName().equals("html")) {
                break;
            }
            if (!as.candidate) {
                as.candidate = true;
                as.score = baseScore(a);
                candidates.add(a);
            }
            as.score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
        }
    }

    private static boolean inCaption(Element e) {
        Element a = e;
        for (int level = 0; level < 3 && a != null; level++, a = a.parent()) {
            String tag = a.normalName();
            if (tag.equals("figcaption") || tag.equals("figure")) {
                return true;
            }
        }
        return false;
    }

    private double baseScore(Element e) {
        double score = switch (e.normalName()) {
            case "div", "article", "section", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return score + classWeight(e);
    }

    /** Class/id cue weight, with a strong bonus for the schema.org article body. */
    double classWeight(Element e) {
        double w = rules.cues(e).weight();
        return e.attributesSize() > 0 && e.attributes().get("itemprop").equalsIgnoreCase("articleBody") ? w + 50 : w;
    }

    JunkRules rules() {
        return rules;
    }

    /**
     * Moves up from the best candidate when its ancestors hold more of the same article: when several
     * near-equal candidates share an ancestor (a body split into boxes), or when the parent scores
     * higher than the child on its own.
     */
    private Element widen(Element top, Element body, Element headline) {
        double topScore = stats.get(top).score;
        List<Element> alternatives = new ArrayList<>();
        for (Element c : candidates) {
            if (c != top && stats.get(c).score >= topScore * 0.75) {
                alternatives.add(c);
            }
        }
        if (alternatives.size() >= 3) {
            for (Element p = top.parent(); p != null && p != body; p = p.parent()) {
                int contained = 0;
                for (Element alt : alternatives) {
                    if (isAncestor(p, alt)) {
                        contained++;
                    }
                }
                if (contained >= 3) {
                    top = p;
                    break;
                }
            }
        }
        // A small box with a flattering class name (an excerpt, a lead) inside the real body.
        // A box that holds the headline is the article's own, not an excerpt of it: more prose around it
        // belongs to other things (a sidebar, other posts).
        Element up = headline != null && isAncestor(top, headline) ? null : top.parent();
        for (int level = 0; level < ANCESTOR_LEVELS && up != null && up != body; level++, up = up.parent()) {
            NodeStats us = stats.get(up);
            if (us != null && us.goodText >= 2 * stats.get(top).goodText && us.linkDensity() <= 0.5) {
                top = up;
                level = 0;
            }
        }
        double last = stats.get(top).score;
        double threshold = last / 3;
        for (Element p = top.parent(); p != null && p != body; p = p.parent()) {
            NodeStats ps = stats.get(p);
            if (ps == null || !ps.candidate) {
                continue;
            }
            if (ps.score < threshold) {
                break;
            }
            if (ps.score > last) {
                top = p;
                break;
            }
            last = ps.score;
        }
        return top;
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The best candidate plus siblings that score close to it or read as plain paragraphs. */
    private List<Element> withSiblings(Element top) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        NodeStats ts = stats.get(top);
        double threshold = Math.max(10, ts.score * 0.2);
        List<Element> out = new ArrayList<>();
        for (Element sib = parent.firstElementChild(); sib != null; sib = sib.nextElementSibling()) {
            if (sib == top) {
                out.add(sib);
                continue;
            }
            NodeStats s = stats.get(sib);
            if (s == null || s.junk != null || s.text == 0) {
                continue;
            }
            double bonus = !top.className().isEmpty() && top.className().equals(sib.className()) ? ts.score * 0.2 : 0;
            if (s.candidate && s.score + bonus >= threshold || isParagraphLike(sib, s) || isLeadBox(sib, s, false)) {
                out.add(sib);
            }
        }
        return withLead(parent, out);
    }

    /**
     * A lead paragraph often sits further out, in the article header before the body's box: prose boxes
     * that precede the body's parent among its own siblings, and so on a few levels up, come first.
     */
    private List<Element> withLead(Element parent, List<Element> body) {
        List<Element> out = new ArrayList<>();
        Element inner = parent;
        for (int level = 0; level < LEAD_LEVELS; level++) {
            Element outer = inner.parent();
            if (outer == null || outer.normalName().equals("body") || outer.normalName().equals("html")) {
                break;
            }
            List<Element> leads = new ArrayList<>();
            for (Element sib = outer.firstElementChild(); sib != null; sib = sib.nextElementSibling()) {
                if (sib == inner) {
                    break;
                }
                NodeStats s = stats.get(sib);
                if (s != null && isLeadBox(sib, s, level > 0)) {
                    leads.add(sib);
                }
            }
            // Boxes found further out come earlier in the page.
            out.addAll(0, leads);
            inner = outer;
        }
        out.addAll(body);
        out.addAll(tail(parent));
        return out;
    }

    /**
     * Paragraphs that go on after the body's box closes, further out: an old page sets the first part of
     * the article in a layout table cell and the rest as plain {@code <p>}s after the table, below a
     * picture. Only paragraph-like siblings that follow the boxes holding the body (a few levels up) join,
     * with a heading that leads one of them; boxes (comments, related links, footers) do not.
     */
    private List<Element> tail(Element parent) {
        List<Element> out = new ArrayList<>();
        Element inner = parent;
        for (int level = 0; level < LEAD_LEVELS; level++) {
            Element outer = inner.parent();
            if (outer == null || outer.normalName().equals("html")) {
                break;
            }
            Element heading = null;
            List<Element> run = new ArrayList<>();
            boolean prose = false;
            for (Element sib = inner.nextElementSibling(); sib != null; sib = sib.nextElementSibling()) {
                NodeStats s = stats.get(sib);
                if (s == null || s.text == 0) {
                    continue;
                }
                if (s.junk != null) {
                    break; // comments, a footer: the article has ended
                }
                if (sib.normalName().equals("p") && s.inlineText >= s.text * 0.9 && isParagraphLike(sib, s)) {
                    if (heading != null) {
                        run.add(heading);
                    }
                    run.add(sib);
                    prose |= s.text >= LEAD_LETTERS;
                    heading = null;
                } else if (Html.isHeading(sib.normalName()) && s.linkText == 0) {
                    heading = sib;
                } else if (s.text < TAIL_GAP_LETTERS && !sib.getElementsByTag("img").isEmpty()) {
                    heading = null; // a picture and its caption between the parts
                } else {
                    break; // a label ("Comments") or a box of something else: the article has ended
                }
            }
            if (prose) {
                // Short lines alone after the layout are its small print (terms, a trade mark), not more article.
                out.addAll(run);
            }
            inner = outer;
        }
        return out;
    }

    /** A box before the body that holds its lead: one its classes name so, or a prose box (a short one, further out). */
    private boolean isLeadBox(Element e, NodeStats s, boolean outer) {
        if (s.junk != null || s.linkDensity() >= 0.2) {
            return false;
        }
        if (s.text >= NAMED_LEAD_LETTERS && s.text <= NAMED_LEAD_SEARCH_LETTERS && hasNamedLead(e)) {
            return true;
        }
        return isProseBox(e, s) && (!outer || s.goodText <= OUTER_LEAD_MAX_LETTERS);
    }

    /** A sibling box holding a real paragraph (a lead or standfirst in the article header). */
    private boolean isProseBox(Element e, NodeStats s) {
        // An article's own <header> holds its lead, whatever its class words say against it.
        return s.goodText >= LEAD_LETTERS && s.linkDensity() < 0.2
                && (e.normalName().equals("header") || classWeight(e) >= 0);
    }

    /** The box or a box inside it has a class word for a lead ("lead", "standfirst", "bajada"…). */
    private boolean hasNamedLead(Element box) {
        for (Element e : box.getAllElements()) {
            if (rules.cues(e).lead() && stats.get(e) != null && stats.get(e).text >= NAMED_LEAD_LETTERS) {
                return true;
            }
        }
        return false;
    }

    /** A sibling that reads as a paragraph of its own: more than a line of text, in few links. */
    private static boolean isParagraphLike(Element e, NodeStats s) {
        return (e.normalName().equals("p") || s.inlineText >= s.text * 0.9) && s.text > 80 && s.linkDensity() < 0.25;
    }
}
