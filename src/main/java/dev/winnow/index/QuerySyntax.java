package dev.winnow.index;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;

/** Turns the query parser's multi-line complaints into one line that points at the problem. */
final class QuerySyntax {
    private static final int EOF = 0;

    private QuerySyntax() {
    }

    static QuerySyntaxException error(String query, ParseException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String detail;
        if (cause instanceof ParseException pe && pe.currentToken != null && pe.currentToken.next != null) {
            Token next = pe.currentToken.next;
            detail = next.kind == EOF
                    ? "the query ends too early (an operator, '(' or quote is not closed)"
                    : "unexpected '" + next.image + "' at column " + next.beginColumn + pointer(query, next.beginColumn);
        } else if (cause instanceof TokenMgrError tme) {
            detail = firstLine(tme.getMessage()) + " (an unclosed quote or a stray special character"
                    + " such as / or \\)";
        } else {
            detail = firstLine(cause.getMessage());
        }
        return new QuerySyntaxException("query syntax error: " + detail, e);
    }

    private static String pointer(String query, int column) {
        int at = Math.max(0, Math.min(query.length(), column - 1));
        return " in \"" + query.substring(0, at) + " >>" + query.substring(at) + "\"";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "cannot parse the query";
        }
        int nl = s.indexOf('\n');
        String line = nl >= 0 ? s.substring(0, nl) : s;
        return line.replaceFirst("^Cannot parse '.*?': ", "").strip();
    }
}
