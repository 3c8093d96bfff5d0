package org.memvirt.lesson;

import java.util.List;

/**
 * One step: an action on the machine (or none, to talk about the previous one), what to say and
 * highlight, an optional question to predict it, and expectations checked against the engine.
 *
 * @param number       from 1, across chapters
 * @param chapter      the chapter's index, from 0
 * @param title        the title in the outline (the action in words when the author gave none)
 * @param action       the action in words, such as "read 0x0000_7f3a_1c40_2000 (user)"; empty when none
 * @param perform      what the machine does, or null for a step that only talks
 * @param narration    the text, with placeholders filled after the step runs
 * @param highlights   what the views should point at
 * @param question     a question asked before the step's result is shown, or null
 * @param expectations counters the engine must agree with
 * @param image        a picture beside the narration, relative to the lesson's folder, or null
 * @param at           where the step is written
 * @param actionAt     where its action is written (where the engine's objections are reported)
 * @param show         another configuration whose walk the Walk view draws for this step, or null
 */
public record LessonStep(int number, int chapter, String title, String action, StepAction perform,
                         NarrationTemplate narration, List<Highlight> highlights, Question question,
                         List<Expectation> expectations, String image, SourceLocation at, SourceLocation actionAt,
                         ShownWalk show) {
    public LessonStep {
        highlights = List.copyOf(highlights);
        expectations = List.copyOf(expectations);
    }

    /** True when the step changes the machine (false: it only narrates). */
    public boolean acts() {
        return perform != null;
    }
}
