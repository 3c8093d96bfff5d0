package org.memvirt.viewmodel.shell;

import java.util.List;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.memvirt.engine.MachineConfig;
import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.event.Event;
import org.memvirt.lesson.Highlight;
import org.memvirt.viewmodel.StepFrame;
import org.memvirt.viewmodel.TranslationWalk;
import org.memvirt.viewmodel.WalkSettings;
import org.memvirt.viewmodel.WalkViewModel;

/**
 * The Walk tab of the lesson window: the walk grid showing an access of the current step. When
 * the lesson moves one step forward the grid lights its references one by one up to the part
 * the step talks about ({@code ref.6-10} stops at reference 10); any other move draws that
 * point at once. A step with several accesses can be browsed access by access.
 */
public final class LessonWalkViewModel {
    private final WalkViewModel walk;
    private final ReadOnlyIntegerWrapper accessIndex = new ReadOnlyIntegerWrapper(this, "accessIndex");
    private final ReadOnlyIntegerWrapper accessCount = new ReadOnlyIntegerWrapper(this, "accessCount");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyStringWrapper accessText = new ReadOnlyStringWrapper(this, "accessText", "");
    private final ReadOnlyBooleanWrapper animating = new ReadOnlyBooleanWrapper(this, "animating");
    private final BooleanBinding canPreviousAccess = accessIndex.greaterThan(0);
    private final BooleanBinding canNextAccess = accessIndex.lessThan(accessCount.subtract(1));
    private List<TranslationWalk> walks = List.of();
    private final ReadOnlyIntegerWrapper revealedEvents = new ReadOnlyIntegerWrapper(this, "revealedEvents",
            CountersViewModel.ALL);
    private List<Highlight> highlights = List.of();
    private List<Event> stepEvents = List.of();
    private TranslationWalk shown;
    private int target;

    /** Drives {@code walk}, a walk screen that the lesson owns. */
    public LessonWalkViewModel(WalkViewModel walk) {
        this.walk = walk;
        walk.clearWalk();
        note.set("The walk of each address the lesson translates appears here.");
        walk.positionProperty().addListener((obs, old, now) -> followAnimation());
        animating.addListener((obs, was, now) -> followAnimation());
    }

    /** A walk screen for lessons: it records no walk of its own until the lesson gives it one. */
    public static WalkViewModel lessonWalkScreen() {
        return new WalkViewModel(s -> new TranslationWalk(s, List.of(), List.of(), null, null),
                WalkSettings.defaults());
    }

    public WalkViewModel walk() {
        return walk;
    }

    /** Which access of the step is shown, from 0. */
    public ReadOnlyIntegerProperty accessIndexProperty() {
        return accessIndex.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty accessCountProperty() {
        return accessCount.getReadOnlyProperty();
    }

    /** "access 2 of 16"; empty when the step made one access or none. */
    public ReadOnlyStringProperty accessTextProperty() {
        return accessText.getReadOnlyProperty();
    }

    /** Why the grid is empty, or what part of the walk the step is about; may be empty. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** True while references are still to be lit by {@link #tick()}. */
    public ReadOnlyBooleanProperty animatingProperty() {
        return animating.getReadOnlyProperty();
    }

    /**
     * How many of the step's events the picture has reached: while the walk is animated, those up to
     * the reference just lit; otherwise {@link CountersViewModel#ALL}. The counters follow it.
     */
    public ReadOnlyIntegerProperty revealedEventsProperty() {
        return revealedEvents.getReadOnlyProperty();
    }

    public BooleanBinding canPreviousAccessBinding() {
        return canPreviousAccess;
    }

    public BooleanBinding canNextAccessBinding() {
        return canNextAccess;
    }

    /** The references the animation still has to light. */
    public int remainingReferences() {
        return animating.get() ? Math.max(0, target - walk.positionProperty().get()) : 0;
    }

    /**
     * Shows a step.
     *
     * @param frame      the step (its events are what the views draw)
     * @param config     the lesson's machine
     * @param before     the counters before the step's events
     * @param highlights what the step points at
     * @param animate    whether to light the references one by one
     */
    public void show(StepFrame frame, MachineConfig config, CounterSnapshot before, List<Highlight> highlights,
                     boolean animate) {
        this.highlights = List.copyOf(highlights);
        stepEvents = frame.events();
        shown = null;
        walks = StepWalks.of(frame.events(), config, before, frame.snapshot().counters());
        accessCount.set(walks.size());
        if (walks.isEmpty()) {
            animating.set(false);
            accessIndex.set(0);
            accessText.set("");
            walk.clearWalk();
            note.set(frame.index() == 0 ? "Step forward: the walk of each address the lesson translates appears"
                    + " here, one memory reference at a time."
                    : frame.events().isEmpty() ? "No address translated yet: step on (→) to watch the MMU walk"
                    + " the tables, one memory reference at a time."
                    : "This step translates no address; the event log on the right lists what it did.");
            return;
        }
        select(StepWalks.shownByDefault(walks), animate);
    }

    /** The step's previous access. */
    public void previousAccess() {
        if (canPreviousAccess.get()) {
            select(accessIndex.get() - 1, false);
        }
    }

    /** The step's next access. */
    public void nextAccess() {
        if (canNextAccess.get()) {
            select(accessIndex.get() + 1, false);
        }
    }

    /** One beat of the animation: the next reference, until the step's target is lit. */
    public void tick() {
        if (!animating.get()) {
            return;
        }
        if (walk.positionProperty().get() < target) {
            walk.stepForward();
        }
        if (walk.positionProperty().get() >= target) {
            animating.set(false);
        }
    }

    /** Ends the animation at once, everything it was going to light lit. */
    public void finishAnimation() {
        if (animating.get()) {
            walk.goTo(target);
            animating.set(false);
        }
    }

    private void followAnimation() {
        revealedEvents.set(animating.get() && shown != null
                ? RevealedEvents.count(stepEvents, shown, walk.positionProperty().get()) : CountersViewModel.ALL);
    }

    private void select(int index, boolean animate) {
        accessIndex.set(index);
        TranslationWalk w = walks.get(index);
        shown = w;
        accessText.set(walks.size() > 1 ? "access " + (index + 1) + " of " + walks.size() : "");
        walk.showWalk(w);
        int count = walk.referenceCountProperty().get();
        int from = 0;
        target = count;
        String focus = "";
        for (Highlight h : highlights) {
            if (h instanceof Highlight.References r && r.from() <= count) {
                from = Math.max(0, r.from() - 1);
                target = Math.min(count, r.to());
                focus = r.from() == r.to() ? "This step is about reference " + r.from() + "."
                        : "This step is about references " + r.from() + "–" + target + ".";
            }
        }
        note.set(w.references().isEmpty() && w.result().isPresent()
                ? "No walk: the TLB already knew this translation." : focus);
        if (animate && target > from) {
            walk.goTo(from);
            animating.set(true);
        } else {
            animating.set(false);
            walk.goTo(target);
        }
    }
}
