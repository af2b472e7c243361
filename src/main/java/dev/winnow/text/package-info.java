/**
 * Reading text that arrives as bytes or loosely written strings, the same way for pages and feeds: one
 * charset decision ({@link dev.winnow.text.TextDecoder}) and one date reader ({@link dev.winnow.text.Dates}).
 */
package dev.winnow.text;
