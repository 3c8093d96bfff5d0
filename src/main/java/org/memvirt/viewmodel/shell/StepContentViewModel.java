package org.memvirt.viewmodel.shell;

import java.util.List;
import java.util.Optional;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.memvirt.engine.event.Event;
import org.memvirt.lesson.Highlight;
import org.memvirt.lesson.LessonPlayer;
import org.memvirt.lesson.PlayedStep;
import org.memvirt.lesson.Question;

/**
 * What the step on screen says: its title and place ("step 3 of 12"), the narration, the answer
 * to the question it asked, what it points at, and its events in words. The question the next
 * step asks is put to the student here too, so that the narration and the question change in the
 * same move.
 */
public final class StepContentViewModel {
    private final QuestionViewModel question;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper place = new ReadOnlyStringWrapper(this, "place", "no lesson");
    private final ReadOnlyStringWrapper narration = new ReadOnlyStringWrapper(this, "narration", "");
    private final ReadOnlyStringWrapper answerNote = new ReadOnlyStringWrapper(this, "answerNote", "");
    private final ReadOnlyStringWrapper answerExplanation = new ReadOnlyStringWrapper(this, "answerExplanation", "");
    private final ReadOnlyStringWrapper eventHeading = new ReadOnlyStringWrapper(this, "eventHeading", "");
    private final ReadOnlyObjectWrapper<List<Highlight>> highlights =
            new ReadOnlyObjectWrapper<>(this, "highlights", List.of());
    private final ObservableList<String> eventLog = FXCollections.observableArrayList();
    private final ObservableList<String> eventLogReadOnly = FXCollections.unmodifiableObservableList(eventLog);

    /** @param question the predict-the-answer panel, asked and answered as the steps go by */
    StepContentViewModel(QuestionViewModel question) {
        this.question = question;
    }

    /** The step's title ("Introduction" before step 1). */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "step 3 of 12" ("introduction · 12 steps" before step 1). */
    public ReadOnlyStringProperty placeProperty() {
        return place.getReadOnlyProperty();
    }

    /** The step's narration, Markdown, values filled. */
    public ReadOnlyStringProperty narrationProperty() {
        return narration.getReadOnlyProperty();
    }

    /** After a step that asked a question: "Answer: 24 (you said 16)"; empty otherwise. */
    public ReadOnlyStringProperty answerNoteProperty() {
        return answerNote.getReadOnlyProperty();
    }

    /** That question's explanation (Markdown). */
    public ReadOnlyStringProperty answerExplanationProperty() {
        return answerExplanation.getReadOnlyProperty();
    }

    /** What the event log lists: "Step 3 did:" or "Step 2 (shown again) did:". */
    public ReadOnlyStringProperty eventHeadingProperty() {
        return eventHeading.getReadOnlyProperty();
    }

    /** What the step points at. */
    public ReadOnlyObjectProperty<List<Highlight>> highlightsProperty() {
        return highlights.getReadOnlyProperty();
    }

    /** The step's events, one line each, in words. */
    public ObservableList<String> eventLog() {
        return eventLogReadOnly;
    }

    /** Shows position {@code p} of {@code pl} (already moved there), whose frame lists {@code events}. */
    void show(LessonPlayer pl, int p, String stepTitle, List<Event> events) {
        Optional<PlayedStep> step = pl.current();
        title.set(stepTitle);
        place.set(p == 0 ? "introduction · " + pl.stepCount() + " steps" : "step " + p + " of " + pl.stepCount());
        narration.set(pl.narration());
        highlights.set(step.map(s -> s.step().highlights()).orElse(List.of()));
        showQuestion(pl, step);
        StepEvents shown = StepEvents.at(pl, p, events);
        eventLog.setAll(shown.lines());
        eventHeading.set(shown.heading());
    }

    private void showQuestion(LessonPlayer pl, Optional<PlayedStep> step) {
        Optional<Question> next = pl.nextQuestion();
        if (next.isPresent()) {
            PlayedStep s = pl.played().steps().get(pl.position());
            question.ask(pl.position() + 1, next.get(), s.prompt(), s.explanation());
        } else {
            question.hide();
        }
        Optional<PlayedStep> asked = step.filter(s -> s.step().question() != null);
        if (asked.isPresent()) {
            answerNote.set(question.resultNote(pl.position(), asked.get().step().question()));
            answerExplanation.set(asked.get().explanation());
        } else {
            answerNote.set("");
            answerExplanation.set("");
        }
    }
}
