package org.memvirt.viewmodel;

import java.util.function.IntConsumer;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Where a player stands in something recorded once: positions 0..length (0 = before the first
 * item), whether it is playing, and the transport commands with the bindings that say when they
 * apply. Moving never re-simulates: the owner is told the new position and shows what it recorded
 * there.
 */
public final class Playhead {
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position");
    private final ReadOnlyIntegerWrapper length = new ReadOnlyIntegerWrapper(this, "length");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final BooleanBinding canStepBack = position.greaterThan(0);
    private final BooleanBinding canStepForward = position.lessThan(length);
    private final BooleanBinding canPlay = length.greaterThan(0);
    private final IntConsumer show;

    /** A playhead that calls {@code show} with every position it moves to. */
    public Playhead(IntConsumer show) {
        this.show = show;
    }

    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty lengthProperty() {
        return length.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
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

    public int position() {
        return position.get();
    }

    public int length() {
        return length.get();
    }

    public boolean isPlaying() {
        return playing.get();
    }

    /** A new recording of {@code n} items; the position is not shown until the next move. */
    public void setLength(int n) {
        length.set(n);
    }

    /** Goes back to 0 without showing it, before a new recording is loaded. */
    public void rewindSilently() {
        position.set(0);
    }

    /** Moves to {@code k} (already within 0..length) and shows it. */
    public void moveTo(int k) {
        position.set(k);
        show.accept(k);
    }

    /** The next item. */
    public void stepForward() {
        pause();
        if (canStepForward.get()) {
            moveTo(position.get() + 1);
        }
    }

    /** The previous item. */
    public void stepBack() {
        pause();
        if (canStepBack.get()) {
            moveTo(position.get() - 1);
        }
    }

    /** Back to before the first item. */
    public void reset() {
        pause();
        moveTo(0);
    }

    /** After the last item. */
    public void toEnd() {
        pause();
        moveTo(length.get());
    }

    /** Jumps to position {@code k}, clamped to 0..length. */
    public void goTo(int k) {
        pause();
        moveTo(Math.max(0, Math.min(k, length.get())));
    }

    /** Starts playing (from the start when at the end). */
    public void play() {
        if (!canPlay.get()) {
            return;
        }
        if (!canStepForward.get()) {
            moveTo(0);
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

    /** One beat of a playing clock: {@code steps} items on, stopping at the end. */
    public void tick(int steps) {
        if (!playing.get()) {
            return;
        }
        moveTo(Math.min(length.get(), position.get() + steps));
        if (!canStepForward.get()) {
            playing.set(false);
        }
    }
}
