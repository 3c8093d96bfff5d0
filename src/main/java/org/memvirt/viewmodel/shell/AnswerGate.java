package org.memvirt.viewmodel.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;

/**
 * When a question holds the lesson back: Next waits for an answer (or Reveal) when the presenter
 * turned "answer before Next" on or the lesson asks for it, and says why in words; Play stops at
 * every question not answered yet unless the presenter turned that off.
 */
final class AnswerGate {
    private final PresenterViewModel presenter;
    private final QuestionViewModel question;
    private final BooleanBinding waiting;
    private final StringBinding reason;

    AnswerGate(PresenterViewModel presenter, QuestionViewModel question, ObservableBooleanValue lessonWantsAnswers) {
        this.presenter = presenter;
        this.question = question;
        waiting = Bindings.createBooleanBinding(() -> (presenter.blockUntilAnsweredProperty().get()
                        || lessonWantsAnswers.get()) && open(),
                presenter.blockUntilAnsweredProperty(), lessonWantsAnswers, question.phaseProperty(),
                question.answeredProperty());
        reason = Bindings.createStringBinding(() -> !waiting.get() ? ""
                : lessonWantsAnswers.get() ? "Answer the question first (this lesson asks for an answer before Next)"
                : "Answer the question first (answer before Next is on)", waiting, lessonWantsAnswers);
    }

    /** Next waits for the question. */
    BooleanBinding waitingBinding() {
        return waiting;
    }

    /** Why Next waits; empty when it does not. */
    StringBinding reasonBinding() {
        return reason;
    }

    /** Play stops here: the step's question is open and the presenter wants Play to stop at questions. */
    boolean stopsPlay() {
        return presenter.playStopsAtQuestionsProperty().get() && open();
    }

    private boolean open() {
        return question.phaseProperty().get() == QuestionViewModel.Phase.PREDICT && !question.answeredProperty().get();
    }
}
