package org.memvirt.lesson;

/**
 * One thing wrong with a lesson, at the place an author must change.
 *
 * @param at      where
 * @param message what, in words (no stack trace, no class names)
 */
public record LessonError(SourceLocation at, String message) {
    /** Line breaks and other control characters in the message (a value it echoes) are escaped: one error, one line. */
    public LessonError {
        message = OneLine.of(message);
    }

    /** {@code FILE:LINE:COLUMN: message}. */
    @Override
    public String toString() {
        return at + ": " + message;
    }
}
