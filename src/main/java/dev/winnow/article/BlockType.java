package dev.winnow.article;

/** The structural role of one extracted line of an article body. */
public enum BlockType {
    PARAGRAPH, HEADING, LIST_ITEM, QUOTE, CAPTION, PREFORMATTED, OTHER
}
