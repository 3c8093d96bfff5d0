package org.memvirt.viewmodel.shell;

import java.util.HashMap;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.memvirt.lesson.Question;

/**
 * The predict-the-answer panel. Before a step that asks a question, it asks it (choices or a
 * typed answer, Check, Reveal); once the step has run, {@link #resultNote} says what the answer
 * was beside the result. What a student answered is kept per step, so stepping back and forth
 * does not ask again.
 */
public final class QuestionViewModel {

    /** Whether the question waits for a prediction or is shown with its result. */
    public enum Phase {
        /** No question here. */
        NONE,
        /** Before the step: predict. */
        PREDICT
    }

    /** The outcome of the last Check. */
    public enum Verdict { UNCHECKED, RIGHT, WRONG }

    private record Answer(int selected, String typed, Verdict verdict, boolean revealed) {
        static final Answer NONE = new Answer(-1, "", Verdict.UNCHECKED, false);
    }

    private final Map<Integer, Answer> answers = new HashMap<>();
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.NONE);
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper(this, "prompt", "");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper(this, "feedback", "");
    private final ReadOnlyStringWrapper rightAnswer = new ReadOnlyStringWrapper(this, "rightAnswer", "");
    private final ObservableList<String> choices = FXCollections.observableArrayList();
    private final ObservableList<String> choicesReadOnly = FXCollections.unmodifiableObservableList(choices);
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final StringProperty typed = new SimpleStringProperty(this, "typed", "");
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict",
            Verdict.UNCHECKED);
    private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper(this, "revealed");
    private final ReadOnlyBooleanWrapper answered = new ReadOnlyBooleanWrapper(this, "answered");
    private final BooleanBinding predicting = phase.isEqualTo(Phase.PREDICT);
    private final BooleanBinding canCheck;
    private final BooleanBinding explanationShown;
    private int step;
    private Question question;

    public QuestionViewModel() {
        canCheck = Bindings.createBooleanBinding(() -> phase.get() == Phase.PREDICT && !revealed.get()
                && (choices.isEmpty() ? !typed.get().isBlank() : selected.get() >= 0), phase, revealed, choices,
                selected, typed);
        explanationShown = Bindings.createBooleanBinding(() -> phase.get() == Phase.PREDICT
                && (revealed.get() || verdict.get() == Verdict.RIGHT), phase, revealed, verdict);
        selected.addListener((obs, old, now) -> answerEdited());
        typed.addListener((obs, old, now) -> answerEdited());
    }

    // ---- state ----

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The question (Markdown), values filled. */
    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    /** Why the answer is what it is (Markdown); shown once answered, revealed, or after the step. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** "Right." / "Not quite: try again, or Reveal." / "The answer: 24 (you said 16)". */
    public ReadOnlyStringProperty feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rightAnswerProperty() {
        return rightAnswer.getReadOnlyProperty();
    }

    /** The choices; empty for a question answered by typing. */
    public ObservableList<String> choices() {
        return choicesReadOnly;
    }

    /** The chosen choice, or -1. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** The typed answer, for a question without choices. */
    public StringProperty typedProperty() {
        return typed;
    }

    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /** True once the question was answered right or revealed (what a blocking Next waits for). */
    public ReadOnlyBooleanProperty answeredProperty() {
        return answered.getReadOnlyProperty();
    }

    public BooleanBinding predictingBinding() {
        return predicting;
    }

    public BooleanBinding canCheckBinding() {
        return canCheck;
    }

    public BooleanBinding explanationShownBinding() {
        return explanationShown;
    }

    /** Whether step {@code number}'s question was answered right or revealed. */
    public boolean isAnswered(int number) {
        Answer a = answers.getOrDefault(number, Answer.NONE);
        return a.revealed() || a.verdict() == Verdict.RIGHT;
    }

    // ---- commands ----

    /** Marks the choice (or typed answer) right or wrong. */
    public void check() {
        if (!canCheck.get()) {
            return;
        }
        boolean right = choices.isEmpty() ? question.isRight(typed.get())
                : selected.get() == question.answerIndex()
                || question.isRight(choices.get(selected.get()));
        verdict.set(right ? Verdict.RIGHT : Verdict.WRONG);
        remember();
        refreshText();
    }

    /** Shows the answer and the explanation. */
    public void reveal() {
        if (phase.get() != Phase.PREDICT) {
            return;
        }
        revealed.set(true);
        if (!choices.isEmpty() && question.answerIndex() >= 0) {
            selected.set(question.answerIndex());
        }
        remember();
        refreshText();
    }

    // ---- driven by the lesson window ----

    /** Asks step {@code number}'s question before the step runs. */
    void ask(int number, Question q, String promptText, String explanationText) {
        question = null;
        step = number;
        Answer a = answers.getOrDefault(number, Answer.NONE);
        choices.setAll(q.choices());
        selected.set(a.selected());
        typed.set(a.typed());
        verdict.set(a.verdict());
        revealed.set(a.revealed());
        question = q;
        prompt.set(promptText);
        explanation.set(explanationText);
        rightAnswer.set(q.answer());
        phase.set(Phase.PREDICT);
        refreshText();
    }

    /** After step {@code number} ran: "Answer: 24 (you said 16)". */
    String resultNote(int number, Question q) {
        Answer a = answers.getOrDefault(number, Answer.NONE);
        String said = "";
        if (!(a.revealed() && a.verdict() != Verdict.RIGHT)) {
            said = q.choices().isEmpty() ? a.typed().strip()
                    : a.selected() >= 0 && a.selected() < q.choices().size() ? q.choices().get(a.selected()) : "";
        }
        String answer = "Answer: " + q.answer();
        if (said.isEmpty()) {
            return answer;
        }
        return answer + (q.isRight(said) ? " (you predicted it)" : " (you said " + said + ")");
    }

    /** No question at this position. */
    void hide() {
        question = null;
        step = 0;
        phase.set(Phase.NONE);
        choices.clear();
        prompt.set("");
        explanation.set("");
        feedback.set("");
        rightAnswer.set("");
        answered.set(false);
    }

    /** Forgets every answer (a different lesson). */
    void forgetAnswers() {
        answers.clear();
    }

    private void answerEdited() {
        if (question == null || phase.get() != Phase.PREDICT) {
            return;
        }
        if (!revealed.get()) {
            verdict.set(Verdict.UNCHECKED);
        }
        remember();
    }

    private void remember() {
        if (question == null || phase.get() != Phase.PREDICT) {
            return;
        }
        answers.put(step, new Answer(selected.get(), typed.get() == null ? "" : typed.get(), verdict.get(),
                revealed.get()));
        refreshText();
    }

    private void refreshText() {
        if (question == null) {
            return;
        }
        answered.set(isAnswered(step));
        if (revealed.get()) {
            feedback.set("Answer: " + question.answer());
        } else {
            feedback.set(switch (verdict.get()) {
                case RIGHT -> "Right! Step on to see it happen.";
                case WRONG -> "Not quite: try again, or Reveal.";
                case UNCHECKED -> "";
            });
        }
    }

    /** The step whose question is showing (0: none). */
    int step() {
        return step;
    }
}
