package org.memvirt.lesson;

import java.util.List;

import org.memvirt.engine.MachineSnapshot;

/**
 * A lesson played to its end: the machine before step 1 and every step's result. Snapshots share
 * structure, so keeping them all is cheap, and stepping back or jumping costs no re-simulation.
 *
 * @param lesson  the lesson
 * @param initial the machine before step 1
 * @param steps   every step, in order
 */
public record PlayedLesson(Lesson lesson, MachineSnapshot initial, List<PlayedStep> steps) {
    public PlayedLesson {
        steps = List.copyOf(steps);
    }
}
