package org.memvirt.lesson;

import java.util.Arrays;

import org.memvirt.lesson.yaml.Mark;
import org.memvirt.lesson.yaml.YamlScalar;

/**
 * The raw text of a lesson file, for placing an error inside a value: the YAML reader gives the
 * value's start and end, and this finds, say, the {@code {hpa}} placeholder between them.
 */
final class SourceText {
    private final String text;
    private final boolean bmpOnly;
    private int[] lineStarts;

    SourceText(String text) {
        this.text = text;
        this.bmpOnly = text.codePointCount(0, text.length()) == text.length();
    }

    /**
     * Where {@code needle} is first written inside {@code scalar}'s source at or after char index
     * {@code from}, as a mark plus the char index just after it; null when it is not written
     * there literally (escaped, or folded across lines).
     */
    Found find(YamlScalar scalar, String needle, int from) {
        int start = Math.max(charIndex(scalar.start().offset()), from);
        int end = Math.min(text.length(), charIndex(scalar.end().offset()));
        if (start >= end) {
            return null;
        }
        int i = text.indexOf(needle, start);
        if (i < 0 || i + needle.length() > end) {
            return null;
        }
        return new Found(markAt(i), i + needle.length());
    }

    /** The mark of a char index. */
    Mark markAt(int charIndex) {
        if (lineStarts == null) {
            lineStarts = lineStarts(text);
        }
        int line = Arrays.binarySearch(lineStarts, charIndex);
        if (line < 0) {
            line = -line - 2;
        }
        int column = text.codePointCount(lineStarts[line], charIndex) + 1;
        return new Mark(line + 1, column, bmpOnly ? charIndex : text.codePointCount(0, charIndex));
    }

    private int charIndex(int codePointOffset) {
        if (bmpOnly) {
            return Math.min(codePointOffset, text.length());
        }
        try {
            return text.offsetByCodePoints(0, codePointOffset);
        } catch (IndexOutOfBoundsException e) {
            return text.length();
        }
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    /**
     * A place found in the text.
     *
     * @param mark  where the needle starts
     * @param after the char index just after it
     */
    record Found(Mark mark, int after) {
    }
}
