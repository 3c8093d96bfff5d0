package org.memvirt.lesson;

import java.util.List;

/**
 * What loading a lesson file produced. A lesson with errors cannot be played; one whose only
 * faults are unmet expectations can (the numbers are the engine's, the lesson's text is wrong).
 *
 * @param file   the file as the user named it
 * @param played the lesson played to its end, or null when it has errors
 * @param errors everything wrong with the file, in file order: syntax, keys, types, ranges,
 *               references, and what the engine refused
 * @param unmet  expectations the engine contradicts, each at the value the lesson states
 */
public record LessonLoad(String file, PlayedLesson played, List<LessonError> errors, List<LessonError> unmet) {
    public LessonLoad {
        errors = List.copyOf(errors);
        unmet = List.copyOf(unmet);
    }

    /** True when the lesson can be played (it may still have unmet expectations). */
    public boolean playable() {
        return played != null && errors.isEmpty();
    }

    /** True when the lesson is playable and every expectation holds. */
    public boolean passes() {
        return playable() && unmet.isEmpty();
    }

    /** Errors and unmet expectations together, in file order: what {@code check} reports. */
    public List<LessonError> allProblems() {
        return java.util.stream.Stream.concat(errors.stream(), unmet.stream())
                .sorted(java.util.Comparator.comparingInt((LessonError e) -> e.at().line())
                        .thenComparingInt(e -> e.at().column()))
                .toList();
    }
}
