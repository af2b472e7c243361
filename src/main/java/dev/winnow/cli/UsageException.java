package dev.winnow.cli;

/** A command used wrongly in a way picocli cannot see (e.g. a bad date); exit code 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
