package org.memvirt.lesson;

import java.util.List;

/**
 * A chapter: a titled run of steps.
 *
 * @param index from 0
 * @param title the title
 * @param steps its steps
 * @param at    where it is written
 */
public record Chapter(int index, String title, List<LessonStep> steps, SourceLocation at) {
    public Chapter {
        steps = List.copyOf(steps);
    }
}
