package org.memvirt.lesson.yaml;

/**
 * A place in a YAML text, as an editor shows it: line and column from 1 (columns count code
 * points), plus the code-point offset from the start of the text.
 *
 * @param line   line number, from 1
 * @param column column number, from 1
 * @param offset code points before this place
 */
public record Mark(int line, int column, int offset) {
    /** The start of a text. */
    public static final Mark START = new Mark(1, 1, 0);
}
