package org.memvirt.viewmodel;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.WalkStep;

/**
 * The nested-walk screen: the settings a student picks, the walk they produce, and the position
 * in it (0 = before the first reference, N = after the last). Every change of a setting records
 * a fresh walk and goes back to position 0. Commands are plain methods; whether they apply is a
 * binding the view's buttons follow.
 */
public final class WalkViewModel {
    private final WalkSource source;
    private final EventText eventText = new EventText();

    private final WalkSettingsViewModel settings;

    private final ReadOnlyObjectWrapper<WalkGrid> grid = new ReadOnlyObjectWrapper<>(this, "grid");
    private final ObservableList<WalkCellViewModel> cells = FXCollections.observableArrayList();
    private final ObservableList<WalkCellViewModel> cellsReadOnly = FXCollections.unmodifiableObservableList(cells);
    private final Playhead playhead = new Playhead(this::show);
    private final ReadOnlyIntegerWrapper guestRefs = new ReadOnlyIntegerWrapper(this, "guestRefs");
    private final ReadOnlyIntegerWrapper hostRefs = new ReadOnlyIntegerWrapper(this, "hostRefs");
    private final ReadOnlyStringWrapper counterText = new ReadOnlyStringWrapper(this, "counterText");
    private final ReadOnlyStringWrapper breakdownText = new ReadOnlyStringWrapper(this, "breakdownText");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption");
    private final ReadOnlyStringWrapper resultText = new ReadOnlyStringWrapper(this, "resultText", "");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper preambleText = new ReadOnlyStringWrapper(this, "preambleText", "");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyObjectWrapper<EntryDecoding> currentEntry = new ReadOnlyObjectWrapper<>(this, "currentEntry");
    private final ReadOnlyObjectWrapper<AddressBreakdown> virtualAddress =
            new ReadOnlyObjectWrapper<>(this, "virtualAddress");
    private final ReadOnlyObjectWrapper<AddressBreakdown> physicalAddress =
            new ReadOnlyObjectWrapper<>(this, "physicalAddress");
    private final ObservableList<String> eventLog = FXCollections.observableArrayList();
    private final ObservableList<String> eventLogReadOnly = FXCollections.unmodifiableObservableList(eventLog);


    private final List<Event> loggedEvents = new ArrayList<>();
    private final List<Integer> revealAt = new ArrayList<>();
    private boolean regenerating;

    /** A screen showing {@code initial}, recording walks with {@code source}. */
    public WalkViewModel(WalkSource source, WalkSettings initial) {
        this.source = source;
        this.settings = new WalkSettingsViewModel(initial);
        settings.settingsProperty().addListener((obs, old, now) -> regenerate());
        settings.addressErrorProperty().addListener((obs, old, now) -> {
            if (now.isEmpty()) {
                regenerate();
            } else {
                showFailure(now);
            }
        });
        regenerate();
    }

    /** A screen showing the classic nested 4/4 walk. */
    public WalkViewModel(WalkSource source) {
        this(source, WalkSettings.defaults());
    }

    /** The controls: mode, levels, page sizes, caches, address. */
    public WalkSettingsViewModel settings() {
        return settings;
    }

    // ---- state (read only) ----

    public ReadOnlyObjectProperty<WalkGrid> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    /** The cells of the grid, row by row; replaced whenever the grid is. */
    public ObservableList<WalkCellViewModel> cells() {
        return cellsReadOnly;
    }

    public ReadOnlyIntegerProperty positionProperty() {
        return playhead.positionProperty();
    }

    public ReadOnlyIntegerProperty referenceCountProperty() {
        return playhead.lengthProperty();
    }

    public ReadOnlyIntegerProperty guestRefsProperty() {
        return guestRefs.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty hostRefsProperty() {
        return hostRefs.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playhead.playingProperty();
    }

    /** "reference k of N". */
    public ReadOnlyStringProperty counterTextProperty() {
        return counterText.getReadOnlyProperty();
    }

    /** "guest refs 1 of 4 · host refs 4 of 20". */
    public ReadOnlyStringProperty breakdownTextProperty() {
        return breakdownText.getReadOnlyProperty();
    }

    /** One plain-English line about the current reference. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** The translation's result once the walk is over; empty before. */
    public ReadOnlyStringProperty resultTextProperty() {
        return resultText.getReadOnlyProperty();
    }

    /** What the grid shows, with the reference count: "Nested walk · 4-level guest × … → 24 references". */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** What the accesses before this one did (cache warm-up, a first access); may be empty. */
    public ReadOnlyStringProperty preambleTextProperty() {
        return preambleText.getReadOnlyProperty();
    }

    /** Why the settings cannot run, in words; empty when they can. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** The entry the current reference read, decoded; null before the first. */
    public ReadOnlyObjectProperty<EntryDecoding> currentEntryProperty() {
        return currentEntry.getReadOnlyProperty();
    }

    /** The virtual address split into the guest walk's indices. */
    public ReadOnlyObjectProperty<AddressBreakdown> virtualAddressProperty() {
        return virtualAddress.getReadOnlyProperty();
    }

    /** The guest-physical address the current row's host walk translates; null natively. */
    public ReadOnlyObjectProperty<AddressBreakdown> physicalAddressProperty() {
        return physicalAddress.getReadOnlyProperty();
    }

    /** The events up to the current position, one line each. */
    public ObservableList<String> eventLog() {
        return eventLogReadOnly;
    }

    /** Where the player is and what it can do next (the transport's controls bind to it). */
    public Playhead playhead() {
        return playhead;
    }

    public BooleanBinding canStepBackBinding() {
        return playhead.canStepBackBinding();
    }

    public BooleanBinding canStepForwardBinding() {
        return playhead.canStepForwardBinding();
    }

    public BooleanBinding canPlayBinding() {
        return playhead.canPlayBinding();
    }

    // ---- commands ----

    /** The next reference. */
    public void stepForward() {
        playhead.stepForward();
    }

    /** The previous reference. */
    public void stepBack() {
        playhead.stepBack();
    }

    /** Back to before the first reference. */
    public void reset() {
        playhead.reset();
    }

    /** After the last reference. */
    public void toEnd() {
        playhead.toEnd();
    }

    /** Jumps to position {@code k}, clamped to 0..N. */
    public void goTo(int k) {
        playhead.goTo(k);
    }

    /** Starts playing (from the start when at the end). */
    public void play() {
        playhead.play();
    }

    public void pause() {
        playhead.pause();
    }

    public void togglePlay() {
        playhead.togglePlay();
    }

    /** One beat of the player's clock: the next reference, stopping at the end. */
    public void tick() {
        playhead.tick(1);
    }

    /** Records the walk the settings describe and goes to position 0. */
    public void regenerate() {
        if (regenerating) {
            return;
        }
        regenerating = true;
        try {
            pause();
            WalkGrid g = WalkGrid.of(source.walk(settings.getSettings()));
            errorMessage.set("");
            show(g);
        } catch (ScenarioFailure e) {
            showFailure(e.getMessage());
        } finally {
            regenerating = false;
        }
    }

    /**
     * Shows a walk recorded elsewhere (the access of a lesson step) instead of one the settings
     * describe, at position 0. The settings keep their values; changing one records a fresh walk.
     */
    public void showWalk(TranslationWalk walk) {
        showWalk(walk, "");
    }

    /**
     * As {@link #showWalk(TranslationWalk)}, the headline led by {@code heading} (which try of the
     * access it is and how it ended, or which machine a step asks about); empty for none.
     */
    public void showWalk(TranslationWalk walk, String heading) {
        pause();
        errorMessage.set("");
        show(WalkGrid.of(walk));
        if (!heading.isEmpty()) {
            headline.set(heading + "\n" + headline.get());
        }
    }

    /** Shows no walk at all (a lesson step that translates no address). */
    public void clearWalk() {
        pause();
        errorMessage.set("");
        show(null);
    }

    private void showFailure(String message) {
        pause();
        errorMessage.set(message);
        show(null);
    }

    private void show(WalkGrid g) {
        loggedEvents.clear();
        revealAt.clear();
        List<WalkCellViewModel> fresh = new ArrayList<>();
        int count = g == null ? 0 : g.references().size();
        if (g != null) {
            int start = g.walk().lastAttemptStart();
            int reached = 0;
            List<Event> events = g.walk().events();
            for (int i = 0; i < events.size(); i++) {
                if (i >= start && events.get(i) instanceof WalkStep w) {
                    reached = w.reference();
                }
                loggedEvents.add(events.get(i));
                revealAt.add(i < start ? 0 : reached);
            }
            for (GridCell c : g.cells()) {
                fresh.add(new WalkCellViewModel(c, 0, count));
            }
        }
        preambleText.set(g == null ? "" : String.join("\n", g.walk().preamble()));
        headline.set(g == null ? "" : WalkPosition.headline(g.walk().settings(), count));
        playhead.rewindSilently();
        playhead.setLength(count);
        cells.setAll(fresh);
        grid.set(g);
        playhead.moveTo(0);
    }

    /** Shows position {@code k}: every cell, the counts, the caption and the entry just read. */
    private void show(int k) {
        int n = playhead.length();
        WalkGrid g = grid.get();
        for (WalkCellViewModel c : cells) {
            c.update(k, n);
        }
        counterText.set(g == null ? "no walk" : "reference " + k + " of " + n);
        if (g == null) {
            guestRefs.set(0);
            hostRefs.set(0);
            breakdownText.set("");
            caption.set("");
            resultText.set("");
            currentEntry.set(null);
            virtualAddress.set(null);
            physicalAddress.set(null);
            eventLog.clear();
            return;
        }
        WalkPosition shown = WalkPosition.of(g, k);
        guestRefs.set(shown.guestRefs());
        hostRefs.set(shown.hostRefs());
        breakdownText.set(shown.breakdown());
        caption.set(shown.caption());
        resultText.set(shown.result());
        currentEntry.set(shown.entry());
        virtualAddress.set(shown.virtualAddress());
        physicalAddress.set(shown.physicalAddress());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < loggedEvents.size(); i++) {
            if (revealAt.get(i) <= k) {
                lines.add(loggedEvents.get(i).accept(eventText));
            }
        }
        eventLog.setAll(lines);
    }
}
