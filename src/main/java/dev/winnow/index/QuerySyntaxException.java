package dev.winnow.index;

/** A search query that cannot be parsed; the message is one line pointing at the problem. */
public class QuerySyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public QuerySyntaxException(String message, Throwable cause) {
        super(message, cause);
    }
}
