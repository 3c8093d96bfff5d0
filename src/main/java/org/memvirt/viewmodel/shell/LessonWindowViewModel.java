package org.memvirt.viewmodel.shell;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.lesson.Highlight;
import org.memvirt.lesson.LessonStep;
import org.memvirt.lesson.LessonPlayer;
import org.memvirt.viewmodel.StepFrame;
import org.memvirt.viewmodel.lanes.ExecutionLanesViewModel;

/**
 * The lesson window: which lesson is open, where in it we are, and everything the step shows
 * (narration, question, counters, events, the walk). Moves are commands; whether each applies is
 * a binding the buttons follow. One step forward animates (unless the speed is "fast"); every
 * other move draws its step at once.
 */
public final class LessonWindowViewModel {
    /** Play's pause on a step, at 1×, besides the time its references take to light. */
    public static final double DWELL_MILLIS = 1600;
    /** One memory reference's animation at 1× (DESIGN.md: about 350 ms). */
    public static final double PER_REFERENCE_MILLIS = 350;

    private final PresenterViewModel presenter;
    private final LessonLibraryViewModel library;
    private final QuestionViewModel question = new QuestionViewModel();
    private final StepContentViewModel step = new StepContentViewModel(question);
    private final CountersViewModel counters = new CountersViewModel();
    private final ExecutionLanesViewModel lanes = new ExecutionLanesViewModel();
    private final Supplier<LessonWalkViewModel> walkMaker;
    private LessonWalkViewModel walk;

    private final ReadOnlyObjectWrapper<LessonPlayer> player = new ReadOnlyObjectWrapper<>(this, "player");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position");
    private final ReadOnlyIntegerWrapper stepCount = new ReadOnlyIntegerWrapper(this, "stepCount");
    private final ReadOnlyIntegerWrapper chapterIndex = new ReadOnlyIntegerWrapper(this, "chapterIndex");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyBooleanWrapper lessonWantsAnswers = new ReadOnlyBooleanWrapper(this, "lessonWantsAnswers");
    private final ReadOnlyObjectWrapper<StepFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ObservableList<StepFrame> frames = FXCollections.observableArrayList();
    private final ObservableList<StepFrame> framesReadOnly = FXCollections.unmodifiableObservableList(frames);
    private final ObservableList<LessonPlayer.OutlineChapter> outline = FXCollections.observableArrayList();
    private final ObservableList<LessonPlayer.OutlineChapter> outlineReadOnly = FXCollections.unmodifiableObservableList(outline);
    private final ObservableList<ErrorLine> unmet = FXCollections.observableArrayList();
    private final ObservableList<ErrorLine> unmetReadOnly = FXCollections.unmodifiableObservableList(unmet);
    private final ObservableList<String> chapterTitles = FXCollections.observableArrayList();
    private final ObservableList<String> chapterTitlesReadOnly = FXCollections.unmodifiableObservableList(chapterTitles);

    private final BooleanBinding hasLesson = player.isNotNull();
    private final BooleanBinding canStepBack = position.greaterThan(0);
    private final BooleanBinding waitingForAnswer;
    private final BooleanBinding canStepForward;
    private final BooleanBinding canPlay;
    private final AnswerGate answerGate;

    /**
     * @param source     the lessons
     * @param background runs lesson loading off the UI thread (tests: in place)
     * @param ui         runs results on the UI thread (tests: in place)
     * @param presenter  theme, zoom, speed and what the window remembers
     * @param walk       the Walk tab's walk screen, driven by the steps
     */
    public LessonWindowViewModel(LessonSource source, Executor background, Executor ui, PresenterViewModel presenter,
                                 LessonWalkViewModel walk) {
        this(source, background, ui, presenter, () -> walk);
    }

    /**
     * As above, with the walk screen made when first needed (a lesson's first step, or the Walk
     * tab): the window's first frame does not wait for it.
     */
    public LessonWindowViewModel(LessonSource source, Executor background, Executor ui, PresenterViewModel presenter,
                                 Supplier<LessonWalkViewModel> walk) {
        this.presenter = presenter;
        this.walkMaker = walk;
        this.library = new LessonLibraryViewModel(source, background, ui, this::install);
        answerGate = new AnswerGate(presenter, question, lessonWantsAnswers);
        waitingForAnswer = answerGate.waitingBinding();
        canStepForward = position.lessThan(stepCount).and(waitingForAnswer.not());
        canPlay = position.lessThan(stepCount).or(stepCount.greaterThan(0)).and(waitingForAnswer.not());
    }

    // ---- parts ----

    public PresenterViewModel presenter() {
        return presenter;
    }

    public LessonLibraryViewModel library() {
        return library;
    }

    public QuestionViewModel question() {
        return question;
    }

    /** What the step on screen says. */
    public StepContentViewModel step() {
        return step;
    }

    /** Who ran during the step: guest app, guest kernel, hypervisor. */
    public ExecutionLanesViewModel lanes() {
        return lanes;
    }

    public CountersViewModel counters() {
        return counters;
    }

    public LessonWalkViewModel walk() {
        if (walk == null) {
            walk = walkMaker.get();
            walk.revealedEventsProperty().addListener((obs, old, now) -> counters.reveal(now.intValue()));
        }
        return walk;
    }

    // ---- state ----

    /** The lesson's title. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Steps done: 0 before step 1 (the lesson's summary), {@link #stepCountProperty()} at the end. */
    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty stepCountProperty() {
        return stepCount.getReadOnlyProperty();
    }

    /** The chapter of the step shown, from 0. */
    public ReadOnlyIntegerProperty chapterIndexProperty() {
        return chapterIndex.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** The step as the center views see it. */
    public ReadOnlyObjectProperty<StepFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** Every position's frame, 0 to the end (for views that draw a history). */
    public ObservableList<StepFrame> frames() {
        return framesReadOnly;
    }

    public ObservableList<LessonPlayer.OutlineChapter> outline() {
        return outlineReadOnly;
    }

    public ObservableList<String> chapterTitles() {
        return chapterTitlesReadOnly;
    }

    /** Expectations of the lesson the engine contradicts (the lesson still plays). */
    public ObservableList<ErrorLine> unmet() {
        return unmetReadOnly;
    }

    public BooleanBinding hasLessonBinding() {
        return hasLesson;
    }

    public BooleanBinding canStepBackBinding() {
        return canStepBack;
    }

    public BooleanBinding canStepForwardBinding() {
        return canStepForward;
    }

    public BooleanBinding canPlayBinding() {
        return canPlay;
    }

    /** True when the open lesson itself asks for every question to be answered before Next. */
    public ReadOnlyBooleanProperty lessonWantsAnswersProperty() {
        return lessonWantsAnswers.getReadOnlyProperty();
    }

    /** Why Next is held back, in words for the Next button and the step panel; empty when it is not. */
    public StringBinding waitingReasonBinding() {
        return answerGate.reasonBinding();
    }

    /** True when Next waits for the question to be answered (the student's setting or the lesson's). */
    public BooleanBinding waitingForAnswerBinding() {
        return waitingForAnswer;
    }

    // ---- commands ----

    /** Opens the lesson the window had last time, or else the default one. */
    public void openFirstLesson() {
        library.listShipped();
        Optional<LessonRef> last = presenter.lastLesson();
        if (last.isPresent() && !(last.get() instanceof LessonRef.File f && !f.path().toFile().isFile())) {
            library.open(last.get());
        } else {
            library.openDefault();
        }
    }

    public void stepForward() {
        pause();
        forward();
    }

    public void stepBack() {
        pause();
        moveTo(position.get() - 1, false);
    }

    public void toStart() {
        pause();
        moveTo(0, false);
    }

    public void toEnd() {
        pause();
        moveTo(stepCount.get(), false);
    }

    /** Shows position {@code p} (clamped). Jumps pass questions without asking. */
    public void jumpTo(int p) {
        pause();
        moveTo(p, false);
    }

    /** Shows the first step of chapter {@code index}. */
    public void jumpToChapter(int index) {
        LessonPlayer pl = player.get();
        if (pl == null) {
            return;
        }
        pause();
        pl.jumpToChapter(index);
        moveTo(pl.position(), false);
    }

    /** Starts playing (from the start when at the end). */
    public void play() {
        if (!canPlay.get()) {
            return;
        }
        if (position.get() >= stepCount.get()) {
            moveTo(0, false);
        }
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** One beat of Play: the next step; stops at the end or at a question that must be answered first. */
    public void tick() {
        if (!playing.get()) {
            return;
        }
        if (!canStepForward.get()) {
            playing.set(false);
            return;
        }
        forward();
        if (!canStepForward.get() || answerGate.stopsPlay()) {
            playing.set(false);
        }
    }

    /** How long Play stays on the current step before the next beat, at the current speed. */
    public double millisOnStep() {
        Speed s = presenter.getSpeed();
        if (!s.animates()) {
            return 250;
        }
        return s.scale(DWELL_MILLIS + walk().remainingReferences() * PER_REFERENCE_MILLIS);
    }

    /** One reference's animation at the current speed (0 when "fast"). */
    public double millisPerReference() {
        return presenter.getSpeed().scale(PER_REFERENCE_MILLIS);
    }

    /** Reads the lesson again from its file, staying on this step where it still exists. */
    public void reload() {
        library.reload(position.get());
    }

    /** A lesson file on disk changed. */
    public void fileChanged(Path file) {
        library.fileChanged(file, position.get());
    }

    /** One picture per position, into {@code folder}. */
    public List<ExportTargets.Target> exportAllTargets(Path folder) {
        return ExportTargets.allSteps(folder, frames.stream().map(StepFrame::title).toList());
    }

    /** A name for a picture of {@code view} at this step. */
    public String exportFileName(String view) {
        LessonRef c = library.currentProperty().get();
        return ExportTargets.viewFileName(c == null ? null : c.location(), position.get(), view);
    }

    // ---- internals ----

    private void forward() {
        if (canStepForward.get()) {
            moveTo(position.get() + 1, presenter.getSpeed().animates());
        }
    }

    private void install(LessonLibraryViewModel.Opened opened) {
        pause();
        LessonTimeline timeline = opened.timeline();
        LessonPlayer pl = timeline.player();
        question.forgetAnswers();
        frames.setAll(timeline.frames());
        counters.setHistory(timeline.counters());
        outline.setAll(pl.outline());
        chapterTitles.setAll(pl.outline().stream().map(LessonPlayer.OutlineChapter::title).toList());
        unmet.setAll(opened.unmet());
        title.set(pl.lesson().title());
        lessonWantsAnswers.set(pl.lesson().answerBeforeNext());
        stepCount.set(pl.stepCount());
        player.set(pl);
        presenter.lessonOpened(opened.ref());
        int p = opened.keepPosition() < 0 ? 0 : Math.min(opened.keepPosition(), pl.stepCount());
        position.set(-1);
        moveTo(p, false);
    }

    private void moveTo(int target, boolean animate) {
        LessonPlayer pl = player.get();
        if (pl == null) {
            return;
        }
        pl.jumpTo(target);
        int p = pl.position();
        boolean moved = p != position.get();
        position.set(p);
        chapterIndex.set(pl.chapterIndex());
        StepFrame f = frames.get(p);
        step.show(pl, p, f.title(), f.events());
        List<Highlight> hl = step.highlightsProperty().get();
        Set<String> counterMarks = new LinkedHashSet<>();
        for (Highlight h : hl) {
            if (h instanceof Highlight.Counter c) {
                counterMarks.add(c.name());
            }
        }
        CounterSnapshot before = beforeEvents(pl, p);
        counters.setPosition(p, counterMarks, f.events(), before);
        int acted = StepEvents.lastActed(pl, p);
        LessonStep shownStep = p == 0 ? null : pl.played().steps().get(p - 1).step();
        QuietWork quiet = acted == 0 ? QuietWork.NONE : QuietWork.of(pl.played().steps().get(acted - 1).step(),
                frames.get(acted - 1).snapshot(), frames.get(acted).snapshot(), !frames.get(acted).events().isEmpty());
        walk().show(f, pl.lesson().config(), before, hl, shownStep == null ? null : shownStep.show(), quiet,
                animate && moved);
        lanes.show(f.events(), quiet.segments(), pl.lesson().config().mode() == PagingMode.NATIVE, animate && moved);
        frame.set(f);
    }

    /** The counters before the events the frame shows (those of the last step that acted). */
    private CounterSnapshot beforeEvents(LessonPlayer pl, int p) {
        int acted = StepEvents.lastActed(pl, p);
        return acted <= 1 ? pl.played().initial().counters() : frames.get(acted - 1).snapshot().counters();
    }
}
