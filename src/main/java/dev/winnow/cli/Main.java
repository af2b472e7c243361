package dev.winnow.cli;

/** Entry point of the {@code winnow} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
