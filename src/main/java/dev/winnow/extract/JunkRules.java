package dev.winnow.extract;

import dev.winnow.lang.WordLists;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Recognises structural junk (navigation, share bars, newsletter boxes, cookie notices, ad slots,
 * related-article modules, comments…) from an element's tag, ARIA role and class/id words, in several
 * languages. Returns a reason code, or null for an element that may hold article text.
 *
 * <p>Class and id values are split into words on spaces, hyphens, underscores and camel case, so
 * {@code article-share-bar}, {@code shareBar} and {@code share_tools} all read as "share". The rules
 * are about page structure in general; none names a site. The verdicts per class list and per token
 * are pure functions of the string and shared by all pages and threads (bounded caches); an instance
 * holds no state of its own.
 */
final class JunkRules {
    private static final Set<String> HIDDEN_CLASSES = Set.of("hidden", "is-hidden", "u-hidden", "hide",
            "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screenreader-only", "d-none",
            "element-invisible", "offscreen");

    /**
     * Verdicts per class token and per class list, shared by all pages and threads: tokens ("clearfix",
     * "col-md-6", "entry-content") and whole lists repeat within a page and across the pages of a site, and
     * the verdict is a pure function of the string. Bounded tables of fingerprints ({@link VerdictCache}).
     */
    private static final VerdictCache TOKEN_CUES = new VerdictCache();
    private static final VerdictCache CLASS_CUES = new VerdictCache();

    /** Reason codes, in priority order: the first rule with a phrase in the words names the reason. */
    private static final List<String> REASONS = List.of("cookie", "newsletter", "share", "embed", "ad", "comments",
            "related", "gallery", "navigation", "sidebar", "footer", "overlay", "image-credit", "byline");
    private static final PhraseMatcher RULES = new PhraseMatcher(REASONS.stream().map(JunkRules::classWords).toList());

    /** Class prefixes that say what a box has or belongs to, not what it is: {@code has-share}, {@code tag-x}. */
    private static final Set<String> STATE_PREFIXES = Set.of("has", "with", "no", "non", "not", "is", "show",
            "enable", "tag", "tags", "category", "categories", "cat", "format", "status", "type", "postid", "topic",
            "tax", "term", "taxonomy", "section");
    private static final Set<String> STATE_SUFFIXES = Set.of("enabled", "disabled", "active", "open", "loaded",
            "visible");
    /**
     * Taxonomy words that, inside a token and followed by more words, make the rest a term's name:
     * {@code entry-category-legal_business} names the post's category, not a legal footer.
     */
    private static final Set<String> TAXONOMY = Set.of("tag", "tags", "category", "categories", "topic", "tax",
            "taxonomy", "term");
    /** Words that name a box of article content. */
    static final PhraseMatcher CONTENT = PhraseMatcher.of(classWords("content"));
    /** Words that speak against a box holding the article (used as a weight, not a verdict). */
    private static final PhraseMatcher NEGATIVE = PhraseMatcher.of(classWords("negative"));
    /** Words that name an article's lead or standfirst, a short box of prose before the body. */
    private static final PhraseMatcher LEAD = PhraseMatcher.of(classWords("lead"));
    private static final PhraseMatcher CAPTION = PhraseMatcher.of(classWords("caption"));
    /** Reasons a content-looking class token cannot override: these boxes are never the article. */
    private static final Set<String> STRUCTURAL = Set.of("cookie", "comments", "footer", "hidden");

    /**
     * The junk reason this element's tag and attributes suggest, or null; never for the page's body or
     * an element marked as the schema.org article body. {@code block}: whether the element is block-level
     * ({@link Html#isBlock}), as the caller already knows.
     */
    String hint(Element e, boolean block) {
        String tag = e.normalName();
        // Junk comes in boxes: links and emphasis are judged with their line, spans and custom elements
        // (<ad-slot>, <share-bar>) may be boxes.
        boolean box = block || tag.equals("span") || tag.indexOf('-') > 0;
        if (!box || tag.equals("body") || tag.equals("html") || tag.equals("br")) {
            return null;
        }
        // The article-body mark is read only for the few boxes that have a reason: most have none.
        String reason = reason(e);
        boolean articleBody = reason != null && e.attributesSize() > 0
                && e.attributes().get("itemprop").equalsIgnoreCase("articleBody");
        return articleBody ? null : reason;
    }

    /** The junk reason for this element judged on tag, role and attributes alone, or null. */
    String reason(Element e) {
        String tag = e.normalName();
        switch (tag) {
            case "nav":
                return "navigation";
            case "aside":
                // An <aside> its class words name as a post or article is one (themes that set posts in it).
                return e.attributesSize() > 0 && cues(e.attributes()).weight() > 0 ? cues(e.attributes()).reason()
                        : "sidebar";
            case "footer":
                return "footer";
            case "dialog":
                return "overlay";
            case "form":
                return isSignupForm(e) ? "newsletter" : null;
            case "main":
                // The page's main region by definition: its class words ("skip-main") never make it junk.
                return hiddenByAttributes(e) ? "hidden" : null;
            default:
                break;
        }
        if (e.attributesSize() == 0) {
            return null;
        }
        // Attribute names are lower-cased by the HTML parser, so the exact-case lookups are safe (and fast).
        Attributes attrs = e.attributes();
        Cues cues = cues(attrs);
        if (hidden(cues, attrs)) {
            return "hidden";
        }
        String role = attrs.get("role").toLowerCase(Locale.ROOT);
        switch (role) {
            case "navigation", "menubar", "menu", "search" -> {
                return "navigation";
            }
            case "banner" -> {
                return "navigation";
            }
            case "contentinfo" -> {
                return "footer";
            }
            case "complementary" -> {
                return "sidebar";
            }
            case "dialog", "alertdialog" -> {
                return "overlay";
            }
            default -> {
            }
        }
        return cues.reason();
    }

    /**
     * What an element's class and id say: a junk reason (or null), whether a class hides it, a content
     * weight (+25 for content words, -25 for boilerplate words), whether it is a caption and whether it
     * is named as the article's lead.
     */
    record Cues(String reason, boolean hidden, int weight, boolean caption, boolean lead) {
    }

    private static final Cues NO_CUES = new Cues(null, false, 0, false, false);

    /** One kind's class and id words in every language ({@link WordLists}), as {@link PhraseMatcher} alternatives. */
    private static String classWords(String kind) {
        return String.join("|", WordLists.all("class-" + kind));
    }

    Cues cues(Element e) {
        return e.attributesSize() == 0 ? NO_CUES : cues(e.attributes());
    }

    private Cues cues(Attributes attrs) {
        String id = attrs.get("id");
        String className = attrs.get("class");
        if (id.isEmpty() && className.isEmpty()) {
            return NO_CUES;
        }
        ClassCue k = className.isEmpty() ? NO_CLASS_CUE : cachedClassCue(className);
        TokenCue i = id.isEmpty() ? NO_TOKEN_CUE : cachedTokenCue(id);
        int rule = k.rule();
        if (i.rule() >= 0 && (rule < 0 || i.rule() < rule)) {
            rule = i.rule();
        }
        String found = rule < 0 ? null : REASONS.get(rule);
        // A class list with one token that names a content box and nothing else ("entry-content
        // entry-content-read-more", "article-body ad-free") describes the content box with a modifier.
        if (found != null && !STRUCTURAL.contains(found) && k.severalTokens() && k.contentOnlyToken()) {
            found = null;
        }
        boolean content = k.content() || i.content();
        boolean negative = k.negative() || i.negative();
        return new Cues(found, k.hidden() || i.hidden(), (content ? 25 : 0) - (negative ? 25 : 0),
                k.caption() || i.caption(), k.lead() || i.lead());
    }

    /** What one class token (or the id) says, before tokens are combined. */
    private record TokenCue(int rule, boolean content, boolean negative, boolean caption, boolean hidden,
            boolean lead) {
        /** The rule (5 bits, -1 as 0) and the flags in one int, as the shared cache keeps it. */
        int packed() {
            return (rule + 1) | bit(content, 5) | bit(negative, 6) | bit(caption, 7) | bit(hidden, 8) | bit(lead, 9);
        }

        static TokenCue unpack(int p) {
            return new TokenCue((p & 31) - 1, has(p, 5), has(p, 6), has(p, 7), has(p, 8), has(p, 9));
        }
    }

    private static final TokenCue NO_TOKEN_CUE = new TokenCue(-1, false, false, false, false, false);

    /**
     * What a whole class list says, its tokens combined: the first rule, the flags of any token, whether
     * one token names a content box and nothing else, and whether the list has more than one token.
     */
    private record ClassCue(int rule, boolean content, boolean negative, boolean caption, boolean hidden,
            boolean lead, boolean contentOnlyToken, boolean severalTokens) {
        int packed() {
            return new TokenCue(rule, content, negative, caption, hidden, lead).packed() | bit(contentOnlyToken, 10)
                    | bit(severalTokens, 11);
        }

        static ClassCue unpack(int p) {
            return new ClassCue((p & 31) - 1, has(p, 5), has(p, 6), has(p, 7), has(p, 8), has(p, 9), has(p, 10),
                    has(p, 11));
        }
    }

    private static int bit(boolean flag, int at) {
        return flag ? 1 << at : 0;
    }

    private static boolean has(int packed, int at) {
        return (packed & 1 << at) != 0;
    }

    private static final ClassCue NO_CLASS_CUE = new ClassCue(-1, false, false, false, false, false, false, false);

    private static ClassCue cachedClassCue(String className) {
        return ClassCue.unpack(CLASS_CUES.get(className, name -> classCue(name).packed()));
    }

    private static ClassCue classCue(String className) {
        int rule = -1;
        boolean content = false;
        boolean negative = false;
        boolean caption = false;
        boolean lead = false;
        boolean hidden = false;
        boolean contentOnlyToken = false;
        int tokens = 0;
        int n = className.length();
        for (int start = 0; start < n; ) {
            while (start < n && Character.isWhitespace(className.charAt(start))) {
                start++;
            }
            int end = start;
            while (end < n && !Character.isWhitespace(className.charAt(end))) {
                end++;
            }
            if (end > start) {
                TokenCue c = cachedTokenCue(className.substring(start, end));
                tokens++;
                if (c.rule() >= 0 && (rule < 0 || c.rule() < rule)) {
                    rule = c.rule();
                }
                content |= c.content();
                negative |= c.negative();
                caption |= c.caption();
                lead |= c.lead();
                hidden |= c.hidden();
                contentOnlyToken |= c.content() && c.rule() < 0;
            }
            start = end;
        }
        return new ClassCue(rule, content, negative, caption, hidden, lead, contentOnlyToken, tokens > 1);
    }

    private static TokenCue cachedTokenCue(String token) {
        return TokenCue.unpack(TOKEN_CUES.get(token, t -> tokenCue(t).packed()));
    }

    private static TokenCue tokenCue(String token) {
        if (isStateClass(token)) {
            return NO_TOKEN_CUE;
        }
        StringBuilder sb = new StringBuilder(token.length() + 4);
        splitWords(token, sb);
        String joined = sb.toString().strip();
        if (joined.isEmpty()) {
            return NO_TOKEN_CUE;
        }
        String[] words = joined.split(" ");
        return new TokenCue(RULES.match(words), CONTENT.matches(words), NEGATIVE.matches(words),
                CAPTION.matches(words), HIDDEN_CLASSES.contains(token.toLowerCase(Locale.ROOT)), LEAD.matches(words));
    }

    /** Appends the words of one class or id token: split on punctuation and camelCase, lower-cased. */
    private static void splitWords(String token, StringBuilder out) {
        char prev = ' ';
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                prev = ' ';
                continue;
            }
            boolean boundary = prev == ' ' || Character.isUpperCase(c) && Character.isLowerCase(prev);
            if (boundary && out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
            out.append(Character.toLowerCase(c));
            prev = c;
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
    }

    private static boolean isStateClass(String token) {
        int dash = indexOfSeparator(token, 0);
        if (dash < 0) {
            return false;
        }
        String head = token.substring(0, dash).toLowerCase(Locale.ROOT);
        if (STATE_PREFIXES.contains(head)) {
            return true;
        }
        int last = Math.max(token.lastIndexOf('-'), token.lastIndexOf('_'));
        return STATE_SUFFIXES.contains(token.substring(last + 1).toLowerCase(Locale.ROOT))
                || namesATerm(token, dash + 1);
    }

    /** Whether a taxonomy word stands inside the token, after its first word and before its last. */
    private static boolean namesATerm(String token, int from) {
        for (int start = from, end; (end = indexOfSeparator(token, start)) > 0; start = end + 1) {
            if (TAXONOMY.contains(token.substring(start, end).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfSeparator(String token, int from) {
        for (int i = from; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '-' || c == '_') {
                return i;
            }
        }
        return -1;
    }

    private boolean hiddenByAttributes(Element e) {
        return e.attributesSize() > 0 && hidden(cues(e.attributes()), e.attributes());
    }

    private static boolean hidden(Cues cues, Attributes attrs) {
        return cues.hidden() || attrs.hasKey("hidden") || hiddenByStyle(attrs.get("style"));
    }

    /**
     * An inline style that hides the element: {@code display:none} or {@code visibility:hidden}, in any
     * case and with spaces anywhere. Read in place: most elements that have a style are shown, and this runs
     * on every element of every page.
     */
    static boolean hiddenByStyle(String style) {
        return !style.isEmpty() && (declares(style, "display", "none") || declares(style, "visibility", "hidden"));
    }

    /** Whether {@code property: value} occurs in the style, spaces ignored, case ignored. */
    private static boolean declares(String style, String property, String value) {
        for (int at = indexOfIgnoreCase(style, property, 0); at >= 0;
                at = indexOfIgnoreCase(style, property, at + 1)) {
            int i = skipSpaces(style, at + property.length());
            if (i < style.length() && style.charAt(i) == ':') {
                i = skipSpaces(style, i + 1);
                if (style.regionMatches(true, i, value, 0, value.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Where {@code word} (lower-case ASCII) occurs in {@code s} from {@code from} on, case ignored, or -1. */
    private static int indexOfIgnoreCase(String s, String word, int from) {
        char first = word.charAt(0);
        for (int i = from; i + word.length() <= s.length(); i++) {
            // Most positions fail on their first character: an ASCII one is told apart by one comparison,
            // without a call to regionMatches (only a non-ASCII character can match a letter in other ways).
            char c = s.charAt(i);
            if (c < 0x80 && (c | 0x20) != first) {
                continue;
            }
            if (s.regionMatches(true, i, word, 0, word.length())) {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Parsed once: some pages wrap their whole body in a form, so the walk, not the query, should cost. */
    private static final Evaluator EMAIL_INPUT = QueryParser.parse("input[type=email]");

    private boolean isSignupForm(Element e) {
        return "newsletter".equals(cues(e).reason()) || e.selectFirst(EMAIL_INPUT) != null;
    }
}
