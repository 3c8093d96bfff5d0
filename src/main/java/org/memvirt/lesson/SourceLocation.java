package org.memvirt.lesson;

/**
 * A place in a lesson file, as compilers and editors print it.
 *
 * @param file   the file as the user named it
 * @param line   line, from 1
 * @param column column, from 1
 */
public record SourceLocation(String file, int line, int column) {
    @Override
    public String toString() {
        return OneLine.of(file) + ":" + line + ":" + column;
    }
}
