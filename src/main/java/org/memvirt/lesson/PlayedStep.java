package org.memvirt.lesson;

import org.memvirt.engine.StepResult;

/**
 * One step as the machine played it: the step, its events and the machine after it, and its
 * narration with every placeholder filled.
 *
 * @param step        the step
 * @param result      its events and the snapshot after it (a step that only narrates has no
 *                    events and the previous snapshot)
 * @param narration   the narration as shown
 * @param prompt      the question's prompt as shown, or empty
 * @param explanation the question's explanation as shown, or empty
 */
public record PlayedStep(LessonStep step, StepResult result, String narration, String prompt, String explanation) {
}
