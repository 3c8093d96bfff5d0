package org.memvirt.lesson;

import java.util.List;

/**
 * A predict-the-answer question, asked before its step's result is shown.
 *
 * @param prompt      the question (Markdown; placeholders are filled like the step's narration, so
 *                    a prompt must not name values that give the answer away)
 * @param choices     the choices, or empty for an answer typed in
 * @param answer      the right answer's text
 * @param answerIndex the right choice, from 0, or -1 without choices
 * @param explain     why, shown with the result (placeholders allowed)
 * @param at          where it is written
 */
public record Question(NarrationTemplate prompt, List<String> choices, String answer, int answerIndex,
                       NarrationTemplate explain, SourceLocation at) {
    public Question {
        choices = List.copyOf(choices);
    }

    /** True when {@code response} is the right answer (text compared without case or surrounding space). */
    public boolean isRight(String response) {
        return response != null && response.strip().equalsIgnoreCase(answer.strip());
    }
}
