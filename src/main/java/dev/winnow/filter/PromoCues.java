package dev.winnow.filter;

import dev.winnow.article.TitleKeys;
import java.util.List;
import java.util.Set;

/**
 * Scores how much a line reads like a newsletter, social, app or advertising prompt rather than news:
 * a call to action ("subscribe", "síguenos", "baixe o app"), a channel ("newsletter", "WhatsApp"), the
 * outlet addressing its reader ("our", "nuestro"), or a bare label ("Advertisement", "Publicidad").
 *
 * <p>The lexicon is generic vocabulary of such prompts in the languages winnow knows, matched on
 * {@link TitleKeys} form (lower case, no accents, punctuation as spaces), never copies of known lines.
 * A news paragraph about Facebook mentions a channel too; that is why this is one signal among several
 * and why only the whole-line label scores 1 on its own.
 */
final class PromoCues {
    private static final Set<String> LABELS = Set.of(
            "advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content", "paid content",
            "share", "share this", "share this article", "share this story", "comments", "print",
            "publicidad", "anuncio", "patrocinado", "contenido patrocinado", "compartir", "comparte",
            "compartir en", "comentarios", "imprimir",
            "publicidade", "conteudo patrocinado", "compartilhe", "compartilhar",
            "publicite", "annonce", "contenu sponsorise", "partager", "partagez", "commentaires",
            "werbung", "anzeige", "gesponsert", "artikel teilen", "teilen", "kommentare", "drucken",
            "pubblicita", "advertentie", "anuncio publicitario", "publicidad pagada", "contenido de marca",
            "branded content", "partner content", "promoted", "promocionado", "publirreportaje",
            "publi reportage", "werbeanzeige", "ad feature", "conteudo de marca", "publieditorial");
    static final List<String> ACTIONS = List.of(
            "subscribe", "sign up", "signup", "follow us", "download", "click here", "tap here", "share this",
            "join our", "join us", "register", "get the app", "turn on", "don t miss", "like us",
            "suscribete", "suscribase", "suscribirte", "registrate", "siguenos", "sigue a", "descarga",
            "descargue", "comparte", "compartelo", "compartela", "haz clic", "da clic", "pulsa", "unete",
            "activa", "recibe", "no te pierdas", "te gusto",
            "assine", "inscreva se", "cadastre se", "siga nos", "siga o", "baixe", "compartilhe",
            "clique aqui", "receba", "ative", "participe", "acompanhe",
            "abonnez vous", "inscrivez vous", "suivez nous", "telechargez", "partagez", "cliquez ici",
            "recevez", "activez", "rejoignez",
            "abonnieren", "melden sie sich", "folgen sie uns", "laden sie", "teilen sie", "klicken sie",
            "aktivieren sie", "erhalten sie", "registrieren sie", "jetzt anmelden", "iscriviti", "seguici",
            // listening, donating, joining, sharing on, visiting: the other things an outlet asks for (as
            // phrases: "support", "escucha" or "Doe" alone are everyday words in news)
            "listen to our", "listen on", "escucha nuestro", "escucha el podcast", "ouca o podcast", "ouca nosso",
            "ecoutez notre", "horen sie unseren", "donate now", "donate today", "haz una donacion",
            "faca uma doacao", "faites un don", "jetzt spenden", "support our", "support us",
            "support independent", "apoya nuestro", "apoya el periodismo", "apoie o jornalismo", "apoie nosso",
            "soutenez notre", "soutenez le journalisme", "unterstutzen sie uns", "unterstutzen sie unabhangigen",
            "become a member", "hazte socio", "hazte suscriptor", "torne se assinante", "devenez abonne",
            "werden sie abonnent", "werden sie mitglied", "share on", "comparte en", "partager sur", "teilen auf",
            "visit our", "visita nuestra", "visite nosso", "visite nossa", "visitez notre", "besuchen sie unsere",
            "consulta aqui", "read here", "lea aqui", "leia aqui", "free trial", "prueba gratis", "teste gratis",
            "essai gratuit");
    static final List<String> CHANNELS = List.of(
            "newsletter", "newsletters", "app", "apps", "aplicacion", "aplicativo", "application", "whatsapp",
            "telegram", "facebook", "twitter", "instagram", "youtube", "tiktok", "linkedin", "google news",
            "google actualites", "podcast", "inbox", "email", "e mail", "correo", "boletin", "notifications",
            "notificaciones", "notificacoes", "alerts", "alertas", "alertes", "push", "eilmeldungen",
            "push nachrichten", "canal", "channel", "kanal", "redes sociales", "social media", "redes sociais",
            "reseaux sociaux", "sozialen netzwerken", "rss", "suscripcion", "assinatura", "abonnement",
            "abo", "premium", "unlimited access", "digital access", "full access", "acceso ilimitado",
            "acesso ilimitado", "acces illimite", "unbegrenzten zugang", "paywall", "spotify", "apple podcasts",
            "independent journalism", "periodismo independiente", "jornalismo independente",
            "journalisme independant", "unabhangigen journalismus", "suscriptor", "suscriptores", "assinante",
            "assinantes", "abonne", "abonnes", "abonnent");
    static final List<String> SELF = List.of(
            "our", "nuestro", "nuestra", "nuestros", "nuestras", "nosso", "nossa", "nossos", "nossas",
            "notre", "unsere", "unseren", "unserem", "unser", "unserer", "unseres", "your inbox", "tu correo", "seu e mail",
            "tus amigos", "seus amigos", "vos amis", "ihren freunden");


    private PromoCues() {
    }

    /** Whether the whole line is a bare advertising, sharing or page-furniture label ("Anzeige"). */
    static boolean isLabelKey(String key) {
        return LABELS.contains(key);
    }

    /** 0 (no cue) to 1 (a bare promo label, or action and channel together). */
    static double score(String line) {
        return scoreKey(TitleKeys.of(line));
    }

    /** {@link #score(String)} of a line already reduced to its {@link TitleKeys} form. */
    static double scoreKey(String key) {
        return scoreKey(key, CuePhrases.find(key));
    }

    /** {@link #scoreKey(String)} with the key's cue phrases already found. */
    static double scoreKey(String key, PhraseSet.Kind found) {
        if (key.isEmpty()) {
            return 0;
        }
        if (LABELS.contains(key)) {
            return 1;
        }
        double s = 0;
        s += found.has(CuePhrases.ACTION) ? 0.5 : 0;
        s += found.has(CuePhrases.CHANNEL) ? 0.35 : 0;
        s += found.has(CuePhrases.SELF) ? 0.15 : 0;
        return Math.min(1, s);
    }
}
