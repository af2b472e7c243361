package dev.winnow.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Recognises structural junk (navigation, share bars, newsletter boxes, cookie notices, ad slots,
 * related-article modules, comments…) from an element's tag, ARIA role and class/id words, in several
 * languages. Returns a reason code, or null for an element that may hold article text.
 *
 * <p>Class and id values are split into words on spaces, hyphens, underscores and camel case, so
 * {@code article-share-bar}, {@code shareBar} and {@code share_tools} all read as "share". The rules
 * are about page structure in general; none names a site. One instance serves one page (it caches the
 * verdict per class/id string, which repeat a lot within a page) and is not thread-safe.
 */
final class JunkRules {
    private static final Set<String> HIDDEN_CLASSES = Set.of("hidden", "is-hidden", "u-hidden", "hide",
            "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screenreader-only", "d-none",
            "element-invisible", "offscreen");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final Map<String, Cues> cache = new HashMap<>();

    /** Reason codes, in priority order: the first rule with a phrase in the words names the reason. */
    private static final List<String> REASONS = List.of("cookie", "newsletter", "share", "ad", "comments",
            "related", "navigation", "sidebar", "footer", "overlay", "image-credit", "byline");
    private static final PhraseMatcher RULES = new PhraseMatcher(List.of(
            "cookies?|consent|gdpr|cmp|cookiebar|cookie ?banner|rgpd|dsgvo",
            "newsletters?|subscribe|subscription|signup|sign ?up|suscri*|suscripcion|abonn*|abonnement|inscri*|boletin*|registration|register|nl ?signup|optin|opt ?in|mailing ?list|assinatura|assine",
            "share|shares|sharing|sharebar|social|socials|addthis|sharethis|compartir|comparte|partage|partager|teilen|compartilh*|redes ?sociales|follow ?us|whatsapp|facebook|twitter|print ?button|toolbar|tools",
            "ad|ads|adv|advert*|adslot|adunit|ad ?slot|ad ?unit|ad ?container|ad ?wrapper|adsbygoogle|dfp|gpt ?ad|doubleclick|sponsor*|sponsored|publicidad|publicidade|anuncio*|werbung|anzeige|publicite|banner|outbrain|taboola|promo|promoted|commercial|native ?ad|teads|billboard|leaderboard|skyscraper|mpu",
            "comments?|comentarios?|kommentare?|commentaires?|disqus|respond|replies|discussion|talkback|forum",
            "related|relacionad*|recommend*|recomendad*|suggest*|read ?more|read ?next|more ?stories|more ?news|mas ?noticias|also|tambien|weitere|mehr ?zum ?thema|verwandt*|a ?lire|lire ?aussi|voir ?aussi|leia ?tambem|veja ?tambem|outbrain|further ?reading|up ?next|next ?article|trending|popular|most ?read|most ?viewed|mas ?leid*|lo ?mas|meistgelesen|plus ?lus|mais ?lidas|carousel|recirc*|taxonomy|tags?|tag ?list|keywords|topics|temas",
            "nav|navbar|navigation|menu|menus|breadcrumbs?|pagination|pager|skip|skiplink|topbar|masthead|site ?header|header ?nav|mega ?menu|jump ?links",
            "sidebar|side ?bar|widget|widgets|rail|right ?rail|aside|complementary",
            "footer|site ?footer|page ?footer|colophon|copyright|legal",
            "modal|popup|pop ?up|overlay|lightbox|interstitial",
            "credit|credits|photo ?credit|image ?credit|fotocredito|bildnachweis|byline ?photo|copyright ?photo",
            "byline|bylines|author ?info|author ?bio|author ?box|autor|auteur|dateline|published ?date|post ?meta|entry ?meta|article ?meta|meta ?data|timestamp"));

    /** Class prefixes that say what a box has or belongs to, not what it is: {@code has-share}, {@code tag-x}. */
    private static final Set<String> STATE_PREFIXES = Set.of("has", "with", "no", "non", "not", "is", "show",
            "enable", "tag", "tags", "category", "categories", "cat", "format", "status", "type", "postid", "topic",
            "tax", "term", "taxonomy", "section");
    private static final Set<String> STATE_SUFFIXES = Set.of("enabled", "disabled", "active", "open", "loaded",
            "visible");
    /** Words that name a box of article content. */
    static final PhraseMatcher CONTENT = PhraseMatcher.of("article|articles|body|content|entry|hentry|"
            + "main|post|text|blog|story|stories|cuerpo|contenido|texto|nota|noticia|articulo|artikel|inhalt|"
            + "beitrag|corps|contenu|conteudo|materia|single|prose|richtext|detail|news");
    /** Words that speak against a box holding the article (used as a weight, not a verdict). */
    private static final PhraseMatcher NEGATIVE = PhraseMatcher.of("hidden|banner|combx|comment|comments|"
            + "contact|foot|footer|footnote|masthead|media|meta|promo|related|scroll|share|shoutbox|sidebar|"
            + "skyscraper|sponsor|shopping|tags|tool|tools|widget|teaser|teasers|card|cards|list|menu|nav|"
            + "header|author|byline|social|popular|trending|recommended|more|aside|rail|caption|gallery");
    private static final PhraseMatcher CAPTION = PhraseMatcher.of("caption|figcaption|leyenda|legende|legenda|pie|epigrafe|bildunterschrift");
    /** Reasons a content-looking class token cannot override: these boxes are never the article. */
    private static final Set<String> STRUCTURAL = Set.of("cookie", "comments", "footer", "hidden");

    /** The junk reason for this element judged on tag, role and attributes alone, or null. */
    String reason(Element e) {
        String tag = e.normalName();
        switch (tag) {
            case "nav":
                return "navigation";
            case "aside":
                return "sidebar";
            case "footer":
                return "footer";
            case "dialog":
                return "overlay";
            case "form":
                return isSignupForm(e) ? "newsletter" : null;
            default:
                break;
        }
        Cues cues = cues(e);
        if (cues.hidden() || e.hasAttr("hidden") || hiddenByStyle(e)) {
            return "hidden";
        }
        String role = e.attr("role").toLowerCase(Locale.ROOT);
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
     * weight (+25 for content words, -25 for boilerplate words) and whether it is a caption.
     */
    record Cues(String reason, boolean hidden, int weight, boolean caption) {
    }

    private static final Cues NO_CUES = new Cues(null, false, 0, false);

    Cues cues(Element e) {
        String id = e.id();
        String className = e.className();
        if (id.isEmpty() && className.isEmpty()) {
            return NO_CUES;
        }
        String key = id + "#" + className;
        Cues cached = cache.get(key);
        if (cached == null) {
            cached = computeCues(id, className);
            cache.put(key, cached);
        }
        return cached;
    }

    private static Cues computeCues(String id, String className) {
        String joined = words(id, className);
        String[] words = joined.isEmpty() ? new String[0] : joined.split(" ");
        String found = byWords(words);
        if (found != null && !STRUCTURAL.contains(found) && hasContentToken(className)) {
            found = null;
        }
        int weight = (CONTENT.matches(words) ? 25 : 0) - (NEGATIVE.matches(words) ? 25 : 0);
        return new Cues(found, hasHiddenClass(className), weight, CAPTION.matches(words));
    }

    private static String byWords(String[] words) {
        int rule = RULES.match(words);
        return rule < 0 ? null : REASONS.get(rule);
    }

    /**
     * A class list with one token that names a content box and nothing else ({@code entry-content
     * entry-content-read-more}, {@code article-body ad-free}) describes the content box with a modifier.
     */
    private static boolean hasContentToken(String className) {
        if (className.indexOf(' ') < 0) {
            return false;
        }
        for (String token : WHITESPACE.split(className)) {
            String w = words("", token);
            if (!w.isEmpty() && CONTENT.matches(w) && byWords(w.split(" ")) == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Class and id as space-separated lower-case words (camelCase and hyphens split). Class names that
     * describe a state or a taxonomy rather than what the box is ({@code has-share}, {@code modal-enabled},
     * {@code tag-politics}, {@code category-news}) are left out.
     */
    static String words(String id, String className) {
        if (id.isEmpty() && className.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(id.length() + className.length() + 8);
        splitWords(id, out);
        int start = 0;
        int n = className.length();
        while (start < n) {
            while (start < n && Character.isWhitespace(className.charAt(start))) {
                start++;
            }
            int end = start;
            while (end < n && !Character.isWhitespace(className.charAt(end))) {
                end++;
            }
            if (end > start) {
                String token = className.substring(start, end);
                if (!isStateClass(token)) {
                    splitWords(token, out);
                }
            }
            start = end;
        }
        return out.toString().strip();
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
        return STATE_SUFFIXES.contains(token.substring(last + 1).toLowerCase(Locale.ROOT));
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

    private static boolean hiddenByStyle(Element e) {
        String style = e.attr("style");
        if (style.isEmpty()) {
            return false;
        }
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }

    private static boolean hasHiddenClass(String className) {
        if (className.isEmpty()) {
            return false;
        }
        for (String c : WHITESPACE.split(className)) {
            if (HIDDEN_CLASSES.contains(c.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private boolean isSignupForm(Element e) {
        return "newsletter".equals(cues(e).reason()) || !e.select("input[type=email]").isEmpty();
    }
}
