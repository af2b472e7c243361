package dev.winnow.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Pattern;
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
    private static final String NONE = "";

    private final Map<String, String> cache = new HashMap<>();

    private record Rule(String reason, Pattern words) {
    }

    private static Rule rule(String reason, String alternatives) {
        return new Rule(reason, Pattern.compile("(?:^| )(?:" + alternatives + ")(?: |$)"));
    }

    // Order matters: the first matching rule names the reason.
    private static final List<Rule> RULES = List.of(
            rule("cookie", "cookies?|consent|gdpr|cmp|cookiebar|cookie ?banner|rgpd|dsgvo"),
            rule("newsletter", "newsletters?|subscribe|subscription|signup|sign ?up|suscri\\w*|suscripcion|"
                    + "abonn\\w*|abonnement|inscri\\w*|boletin\\w*|registration|register|"
                    + "nl ?signup|optin|opt ?in|mailing ?list|assinatura|assine"),
            rule("share", "share|shares|sharing|sharebar|social|socials|addthis|sharethis|"
                    + "compartir|comparte|partage|partager|teilen|compartilh\\w*|redes ?sociales|follow ?us|"
                    + "whatsapp|facebook|twitter|print ?button|toolbar|tools"),
            rule("ad", "ad|ads|adv|advert\\w*|adslot|adunit|ad ?slot|ad ?unit|ad ?container|ad ?wrapper|"
                    + "adsbygoogle|dfp|gpt ?ad|doubleclick|sponsor\\w*|sponsored|publicidad|publicidade|"
                    + "anuncio\\w*|werbung|anzeige|publicite|banner|outbrain|taboola|promo|promoted|"
                    + "commercial|native ?ad|teads|billboard|leaderboard|skyscraper|mpu"),
            rule("comments", "comments?|comentarios?|kommentare?|commentaires?|disqus|respond|replies|"
                    + "discussion|talkback|forum"),
            rule("related", "related|relacionad[oa]s?|recommend\\w*|recomendad\\w*|suggest\\w*|"
                    + "read ?more|read ?next|more ?stories|more ?news|mas ?noticias|also|tambien|"
                    + "weitere|mehr ?zum ?thema|verwandte?|a ?lire|lire ?aussi|voir ?aussi|leia ?tambem|"
                    + "veja ?tambem|outbrain|further ?reading|up ?next|next ?article|trending|popular|"
                    + "most ?read|most ?viewed|mas ?leid\\w*|lo ?mas|meistgelesen|plus ?lus|mais ?lidas|"
                    + "carousel|recirc\\w*|taxonomy|tags?|tag ?list|keywords|topics|temas"),
            rule("navigation", "nav|navbar|navigation|menu|menus|breadcrumbs?|pagination|pager|skip|"
                    + "skiplink|topbar|masthead|site ?header|header ?nav|mega ?menu|jump ?links"),
            rule("sidebar", "sidebar|side ?bar|widget|widgets|rail|right ?rail|aside|complementary"),
            rule("footer", "footer|site ?footer|page ?footer|colophon|copyright|legal"),
            rule("overlay", "modal|popup|pop ?up|overlay|lightbox|interstitial"),
            rule("image-credit", "credit|credits|photo ?credit|image ?credit|fotocredito|bildnachweis|"
                    + "byline ?photo|copyright ?photo"),
            rule("byline", "byline|bylines|author ?info|author ?bio|author ?box|autor|auteur|dateline|"
                    + "published ?date|post ?meta|entry ?meta|article ?meta|meta ?data|timestamp"));

    private static final Pattern STATE_CLASS = Pattern.compile("(?i)(?:^|\\s)(?:(?:has|with|no|non|not|is|show|enable|"
            + "tag|tags|category|categories|cat|format|status|type|postid|topic|tax|term|taxonomy|section)[-_]\\S*"
            + "|\\S*[-_](?:enabled|disabled|active|open|loaded|visible))(?=\\s|$)");
    /** Words that name a box of article content. */
    static final Pattern CONTENT = Pattern.compile("(?:^| )(?:article|articles|body|content|entry|hentry|"
            + "main|post|text|blog|story|stories|cuerpo|contenido|texto|nota|noticia|articulo|artikel|inhalt|"
            + "beitrag|corps|contenu|conteudo|materia|single|prose|richtext|detail|news)(?: |$)");
    /** Reasons a content-looking class token cannot override: these boxes are never the article. */
    private static final Set<String> STRUCTURAL = Set.of("cookie", "comments", "footer", "hidden");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z])(?=[A-Z])");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-.:/]+");

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
        if (e.hasAttr("hidden") || hiddenByStyle(e) || hasHiddenClass(e)) {
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
        return reasonByWords(e);
    }

    private String reasonByWords(Element e) {
        String key = e.id() + "#" + e.className();
        if (key.length() == 1) {
            return null;
        }
        String cached = cache.get(key);
        if (cached == null) {
            String found = byWords(words(e.id(), e.className()));
            if (found != null && !STRUCTURAL.contains(found) && hasContentToken(e.className())) {
                found = null;
            }
            cached = found == null ? NONE : found;
            cache.put(key, cached);
        }
        return cached.isEmpty() ? null : cached;
    }

    private static String byWords(String words) {
        if (words.isEmpty()) {
            return null;
        }
        for (Rule r : RULES) {
            if (r.words().matcher(words).find()) {
                return r.reason();
            }
        }
        return null;
    }

    /**
     * A class list with one token that names a content box and nothing else ({@code entry-content
     * entry-content-read-more}, {@code article-body ad-free}) describes the content box with a modifier.
     */
    private static boolean hasContentToken(String className) {
        if (className.indexOf(' ') < 0) {
            return false;
        }
        for (String token : className.split("\\s+")) {
            String w = words("", token);
            if (CONTENT.matcher(w).find() && byWords(w) == null) {
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
        String raw = id + " " + (className.isEmpty() ? "" : withoutStateClasses(className));
        raw = CAMEL.matcher(raw).replaceAll(" ");
        return SEPARATORS.matcher(raw.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static String withoutStateClasses(String className) {
        if (!STATE_CLASS.matcher(className).find()) {
            return className;
        }
        StringBuilder sb = new StringBuilder();
        for (String token : className.split("\\s+")) {
            if (!STATE_CLASS.matcher(token).find()) {
                sb.append(token).append(' ');
            }
        }
        return sb.toString();
    }

    private static boolean hiddenByStyle(Element e) {
        String style = e.attr("style");
        if (style.isEmpty()) {
            return false;
        }
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }

    private static boolean hasHiddenClass(Element e) {
        if (!e.hasAttr("class")) {
            return false;
        }
        for (String c : e.classNames()) {
            if (HIDDEN_CLASSES.contains(c.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private boolean isSignupForm(Element e) {
        return "newsletter".equals(reasonByWords(e)) || !e.select("input[type=email]").isEmpty();
    }
}
