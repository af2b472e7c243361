package dev.winnow.filter;

import java.util.List;

/**
 * Recognises the credit lines news articles carry about themselves — who reported, wrote, edited or
 * contributed ("Reporting by …; Editing by …", "… contributed to this report", "Con información de …",
 * "Mit Material von dpa", "…, BBC diplomatic correspondent"). They share no topic with the article and
 * often name people it never mentions, yet they are the article's own, and no other story's headline or
 * lede reads like one.
 *
 * <p>Matched on {@link dev.winnow.article.TitleKeys} form, as whole words.
 */
final class Credits {
    static final List<String> PHRASES = List.of(
            // English
            "contributed to this report", "contributed to this story", "contributed to this article",
            "contributed reporting", "additional reporting by", "reporting by", "editing by", "writing by",
            "compiled by", "reported by", "written by", "correspondent", "staff writer", "contributing writer",
            // Spanish
            "con informacion de", "con reportes de", "con datos de", "colaboro en esta", "contribuyo a este",
            "corresponsal", "redaccion",
            // Portuguese
            "com informacoes de", "com informacoes da", "com informacoes do", "colaborou com", "correspondente",
            "da redacao", "redacao",
            // French
            "avec afp", "avec reuters", "avec ap", "correspondant", "correspondante", "propos recueillis par",
            // German
            "mit material von", "mit material der", "korrespondent", "korrespondentin", "mitarbeit",
            // Italian, Dutch
            "con informazioni di", "corrispondente", "met medewerking van", "correspondent");

    private Credits() {
    }

    /** Whether the line (in {@link dev.winnow.article.TitleKeys} form) reads as a credit line. */
    static boolean isCreditKey(String key) {
        return CuePhrases.find(key).has(CuePhrases.CREDIT);
    }
}
