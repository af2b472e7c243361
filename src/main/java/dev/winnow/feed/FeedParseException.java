package dev.winnow.feed;

/** A feed or OPML document that cannot be read; the message is one line naming the problem. */
public class FeedParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
