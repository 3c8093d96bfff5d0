package org.memvirt.viewmodel.shell;

import java.util.ArrayList;
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
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.lesson.Highlight;
import org.memvirt.lesson.ShownWalk;
import org.memvirt.viewmodel.ScenarioFailure;
import org.memvirt.viewmodel.WalkScenario;
import org.memvirt.viewmodel.WalkSource;
import org.memvirt.viewmodel.lanes.ExecutionLanes;
import org.memvirt.viewmodel.lanes.LaneSegment;
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
    /** The outcome words of the walk of a configuration a step asks about. */
    static final String ASKED = "the machine this step asks about";
    private final WalkViewModel walk;
    private final ReadOnlyIntegerWrapper accessIndex = new ReadOnlyIntegerWrapper(this, "accessIndex");
    private final ReadOnlyIntegerWrapper accessCount = new ReadOnlyIntegerWrapper(this, "accessCount");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyStringWrapper accessText = new ReadOnlyStringWrapper(this, "accessText", "");
    private final ReadOnlyBooleanWrapper animating = new ReadOnlyBooleanWrapper(this, "animating");
    private final BooleanBinding canPreviousAccess = accessIndex.greaterThan(0);
    private final BooleanBinding canNextAccess = accessIndex.lessThan(accessCount.subtract(1));
    private final ReadOnlyIntegerWrapper revealedEvents = new ReadOnlyIntegerWrapper(this, "revealedEvents",
            CountersViewModel.ALL);
    private final WalkSource configurations;
    private List<StepWalks.Shown> walks = List.of();
    private List<Highlight> highlights = List.of();
    private List<Event> stepEvents = List.of();
    /** The walk on the grid now, whose references the counters reveal as the animation reaches them. */
    private TranslationWalk shownWalk;
    private int target;
    /** The last walk an animation runs to: a faulted try leads on to its retry. */
    private int chainEnd;

    /**
     * Drives {@code walk}, a walk screen that the lesson owns.
     *
     * @param configurations works out the walk of a configuration a step asks about ({@code show:})
     */
    public LessonWalkViewModel(WalkViewModel walk, WalkSource configurations) {
        this.walk = walk;
        this.configurations = configurations;
        walk.clearWalk();
        note.set("The walk of each address the lesson translates appears here.");
        walk.positionProperty().addListener((obs, old, now) -> followAnimation());
        animating.addListener((obs, was, now) -> followAnimation());
    }

    /** Drives {@code walk}; configurations a step asks about are worked out on a fresh engine machine. */
    public LessonWalkViewModel(WalkViewModel walk) {
        this(walk, new WalkScenario());
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
        if (!animating.get()) {
            return 0;
        }
        int left = Math.max(0, target - walk.positionProperty().get());
        for (int i = accessIndex.get() + 1; i <= chainEnd && i < walks.size(); i++) {
            left += walks.get(i).walk().references().size();
        }
        return left;
    }

    /** The walks the step can show, in the order the access navigator goes through them. */
    public List<StepWalks.Shown> shownWalks() {
        return walks;
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
        show(frame, config, before, highlights, null, QuietWork.NONE, animate);
    }

    /**
     * Shows a step.
     *
     * @param frame      the step (its events are what the views draw)
     * @param config     the lesson's machine
     * @param before     the counters before the step's events
     * @param highlights what the step points at
     * @param asked      another configuration the step asks about, whose walk is shown first; or null
     * @param quiet      what the step did that left no event (a CR3 write, a TLB flush)
     * @param animate    whether to light the references one by one
     */
    public void show(StepFrame frame, MachineConfig config, CounterSnapshot before, List<Highlight> highlights,
                     ShownWalk asked, QuietWork quiet, boolean animate) {
        this.highlights = List.copyOf(highlights);
        stepEvents = frame.events();
        shownWalk = null;
        List<StepWalks.Shown> all = new ArrayList<>();
        String askedFailure = "";
        if (asked != null) {
            try {
                WalkSettings s = settingsFor(asked, config);
                all.add(new StepWalks.Shown(configurations.walk(s), 1, 1, 1, 1, ASKED));
            } catch (ScenarioFailure e) {
                askedFailure = "The configuration this step asks about cannot run: " + e.getMessage();
            }
        }
        all.addAll(StepWalks.tries(frame.events(), config, before, frame.snapshot().counters()));
        walks = List.copyOf(all);
        accessCount.set(walks.size());
        if (walks.isEmpty()) {
            animating.set(false);
            accessIndex.set(0);
            accessText.set("");
            walk.clearWalk();
            note.set(!askedFailure.isEmpty() ? askedFailure
                    : frame.index() == 0 ? "Step forward: the walk of each address the lesson translates appears"
                    + " here, one memory reference at a time."
                    : !quiet.isEmpty() ? "This step translated no address. What it did: " + String.join(" ", quiet.lines())
                    : frame.events().isEmpty() ? "No address translated yet: step on (→) to watch the MMU walk"
                    + " the tables, one memory reference at a time."
                    : "This step translates no address. What ran: " + whatRan(frame) + ".");
            return;
        }
        int shown = asked != null && askedFailure.isEmpty() ? 0 : StepWalks.shownByDefault(walks);
        chainEnd = shown;
        select(animate ? StepWalks.firstTry(walks, shown) : shown, animate);
    }

    /** The lanes' words for a step's work: "balloon +256 (guest kernel), host swap out ×12 (hypervisor)". */
    private static String whatRan(StepFrame frame) {
        List<String> parts = new ArrayList<>();
        for (LaneSegment s : ExecutionLanes.of(frame.events())) {
            String part = s.label() + " (" + s.lane().title(false).toLowerCase(java.util.Locale.ROOT) + ")";
            if (!parts.contains(part)) {
                parts.add(part);
            }
            if (parts.size() == 4) {
                parts.add("…");
                break;
            }
        }
        return String.join(", ", parts);
    }

    /** The walk settings of a configuration a step asks about, on the lesson's machine where it says nothing. */
    static WalkSettings settingsFor(ShownWalk asked, MachineConfig config) {
        PagingMode mode = asked.mode() != null ? asked.mode() : config.mode();
        int guest = asked.guestLevels() != null ? asked.guestLevels() : config.guestLevels();
        int host = asked.hostLevels() != null ? asked.hostLevels() : config.hostLevels();
        PageSize guestPage = asked.guestPage() != null ? asked.guestPage() : PageSize.SIZE_4K;
        PageSize hostPage = asked.hostPage() != null ? asked.hostPage() : config.hostPage();
        return new WalkSettings(mode, guest, host, guestPage, hostPage, false, asked.walkCache(), false,
                WalkSettings.defaultAddress(guest));
    }

    /** The step's previous access. */
    public void previousAccess() {
        if (canPreviousAccess.get()) {
            chainEnd = accessIndex.get() - 1;
            select(accessIndex.get() - 1, false);
        }
    }

    /** The step's next access. */
    public void nextAccess() {
        if (canNextAccess.get()) {
            chainEnd = accessIndex.get() + 1;
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
            if (walk.positionProperty().get() >= target && accessIndex.get() >= chainEnd) {
                animating.set(false);
            }
            return;
        }
        if (accessIndex.get() < chainEnd) {
            // the faulted try is over: on to the retry
            select(accessIndex.get() + 1, true);
            return;
        }
        animating.set(false);
    }

    /** Ends the animation at once, everything it was going to light lit. */
    public void finishAnimation() {
        if (animating.get()) {
            if (accessIndex.get() < chainEnd) {
                select(chainEnd, false);
            } else {
                walk.goTo(target);
            }
            animating.set(false);
        }
    }

    private void followAnimation() {
        revealedEvents.set(animating.get() && shownWalk != null
                ? RevealedEvents.count(stepEvents, shownWalk, walk.positionProperty().get()) : CountersViewModel.ALL);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void select(int index, boolean animate) {
        accessIndex.set(index);
        StepWalks.Shown tried = walks.get(index);
        TranslationWalk w = tried.walk();
        shownWalk = w;
        String position = tried.position();
        accessText.set(walks.size() > 1 ? position.isEmpty() ? "walk " + (index + 1) + " of " + walks.size() : position
                : "");
        walk.showWalk(w, tried.outcome().isEmpty() ? "" : capitalised(tried.attempts() > 1
                ? "try " + tried.attempt() + " of " + tried.attempts() + " — " + tried.outcome() : tried.outcome()));
        int count = walk.referenceCountProperty().get();
        int from = 0;
        target = count;
        String focus = "";
        boolean lastTry = tried.attempt() == tried.attempts() && !ASKED.equals(tried.outcome());
        for (Highlight h : highlights) {
            if (lastTry && h instanceof Highlight.References r && r.from() <= count) {
                from = Math.max(0, r.from() - 1);
                target = Math.min(count, r.to());
                focus = r.from() == r.to() ? "This step is about reference " + r.from() + "."
                        : "This step is about references " + r.from() + "–" + target + ".";
            }
        }
        note.set(ASKED.equals(tried.outcome())
                ? "This step asks about another machine: the grid shows its walk, worked out by the engine. "
                + (walks.size() > 1 ? "▶ goes back to the lesson's own walk." : "")
                : w.references().isEmpty() && w.result().isPresent()
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
