package org.memvirt.viewmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Predict-the-answer: asking before the step, checking, revealing, and blocking Next. */
class QuestionTest {

    /** Given the nested walk at step 1, whose next step asks "how many entries" with 8/16/20/24. */
    private static ShellRig beforeTheFirstRead() {
        ShellRig r = ShellRig.withNestedWalk();
        r.vm.stepForward();
        return r;
    }

    @Test
    void theNextStepsQuestionIsAskedBeforeItRuns() {
        QuestionViewModel q = beforeTheFirstRead().vm.question();
        assertEquals(QuestionViewModel.Phase.PREDICT, q.phaseProperty().get());
        assertEquals(java.util.List.of("8", "16", "20", "24"), q.choices());
        assertTrue(q.promptProperty().get().contains("How many table entries"));
        assertFalse(q.canCheckBinding().get(), "nothing chosen yet");
        assertFalse(q.explanationShownBinding().get());
    }

    @Test
    void aWrongAnswerSaysSoAndARightOneShowsWhy() {
        QuestionViewModel q = beforeTheFirstRead().vm.question();
        q.selectedProperty().set(1);
        q.check();
        assertEquals(QuestionViewModel.Verdict.WRONG, q.verdictProperty().get());
        assertEquals("Not quite: try again, or Reveal.", q.feedbackProperty().get());
        assertFalse(q.explanationShownBinding().get());
        q.selectedProperty().set(3);
        assertEquals(QuestionViewModel.Verdict.UNCHECKED, q.verdictProperty().get(), "a new choice is unchecked");
        q.check();
        assertEquals(QuestionViewModel.Verdict.RIGHT, q.verdictProperty().get());
        assertTrue(q.answeredProperty().get());
        assertTrue(q.explanationShownBinding().get());
        assertTrue(q.explanationProperty().get().contains("4 + 5×4 = 24"));
    }

    @Test
    void aLessonThatWantsAnswersHoldsNextWhateverTheStudentsSetting(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("predict.yaml");
        Files.writeString(file, Files.readString(Path.of(ShellRig.NESTED))
                .replaceFirst("\ntitle: ([^\n]*)\n", "\ntitle: $1\nanswerBeforeNext: true\n"));
        ShellRig r = new ShellRig();
        r.vm.library().openPath(file);
        assertTrue(r.vm.lessonWantsAnswersProperty().get());
        assertFalse(r.presenter.blockUntilAnsweredProperty().get(), "the student's own setting is off");

        r.vm.stepForward();
        assertTrue(r.vm.waitingForAnswerBinding().get());
        r.vm.stepForward();
        assertEquals(1, r.vm.positionProperty().get(), "Next waits for the answer");
        r.vm.question().selectedProperty().set(3);
        r.vm.question().check();
        r.vm.stepForward();
        assertEquals(2, r.vm.positionProperty().get());

        r.vm.library().openPath(Path.of(ShellRig.NESTED));
        assertFalse(r.vm.lessonWantsAnswersProperty().get(), "the next lesson decides for itself");
    }

    @Test
    void blockingNextWaitsForTheAnswerAndRevealReleasesIt() {
        ShellRig r = beforeTheFirstRead();
        r.presenter.blockUntilAnsweredProperty().set(true);
        assertTrue(r.vm.waitingForAnswerBinding().get());
        assertFalse(r.vm.canStepForwardBinding().get());
        r.vm.stepForward();
        assertEquals(1, r.vm.positionProperty().get(), "Next waits");
        r.vm.play();
        assertFalse(r.vm.playingProperty().get(), "so does Play");

        r.vm.question().reveal();
        assertTrue(r.vm.canStepForwardBinding().get());
        assertEquals(3, r.vm.question().selectedProperty().get(), "Reveal marks the right choice");
        r.vm.stepForward();
        assertEquals(2, r.vm.positionProperty().get());
        assertEquals("Answer: 24", r.vm.step().answerNoteProperty().get());
        assertTrue(r.vm.step().answerExplanationProperty().get().contains("5 EPT walks"));
    }

    @Test
    void jumpsPassQuestionsEvenWhenNextWaits() {
        ShellRig r = beforeTheFirstRead();
        r.presenter.blockUntilAnsweredProperty().set(true);
        r.vm.jumpTo(6);
        assertEquals(6, r.vm.positionProperty().get());
    }

    @Test
    void playStopsAtAQuestionThatMustBeAnswered() {
        ShellRig r = ShellRig.withNestedWalk();
        r.presenter.blockUntilAnsweredProperty().set(true);
        r.vm.play();
        for (int i = 0; i < 20 && r.vm.playingProperty().get(); i++) {
            r.vm.tick();
        }
        assertFalse(r.vm.playingProperty().get());
        assertEquals(1, r.vm.positionProperty().get(), "stopped before step 2's question");
    }

    @Test
    void answersAreRememberedPerStepAndNamedAfterTheStep() {
        ShellRig r = beforeTheFirstRead();
        r.vm.question().selectedProperty().set(1);
        r.vm.question().check();
        r.vm.stepForward();
        assertEquals("Answer: 24 (you said 16)", r.vm.step().answerNoteProperty().get());
        r.vm.stepBack();
        assertEquals(1, r.vm.question().selectedProperty().get(), "the choice is still there");
        assertEquals(QuestionViewModel.Verdict.WRONG, r.vm.question().verdictProperty().get());
        r.vm.question().selectedProperty().set(3);
        r.vm.question().check();
        r.vm.stepForward();
        assertEquals("Answer: 24 (you predicted it)", r.vm.step().answerNoteProperty().get());
    }
}
