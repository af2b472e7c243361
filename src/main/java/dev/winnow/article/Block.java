package dev.winnow.article;

import java.util.Objects;

/**
 * One line of an article body in reading order: a paragraph, heading, list item and so on,
 * already reduced to plain text on a single line.
 */
public record Block(BlockType type, String text) {
    public Block {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
    }

    public static Block paragraph(String text) {
        return new Block(BlockType.PARAGRAPH, text);
    }
}
