package org.memvirt.viewmodel.shell;

import org.memvirt.lesson.LessonError;

/**
 * One line of the error panel: a problem in a lesson file, where an editor can find it.
 *
 * @param file    the file as the user named it
 * @param line    from 1
 * @param column  from 1
 * @param message what is wrong
 */
public record ErrorLine(String file, int line, int column, String message) {

    static ErrorLine of(LessonError e) {
        return new ErrorLine(e.at().file(), e.at().line(), e.at().column(), e.message());
    }

    /** {@code FILE:LINE:COLUMN: message}, what the copy puts on the clipboard. */
    public String text() {
        return file + ":" + line + ":" + column + ": " + message;
    }

    @Override
    public String toString() {
        return text();
    }
}
