package org.memvirt.viewmodel.memory;

import java.util.List;

import org.memvirt.viewmodel.StepFrame;

/**
 * The host swap device at any step of a history, folded from the events of the steps before it.
 * Stepping forward one step at a time folds one step each (the common case); going back or
 * jumping folds again from step 0.
 */
final class SwapHistory {
    private final List<StepFrame> history;
    private int position = -1;
    private SwapDevice device = SwapDevice.EMPTY;

    SwapHistory(List<StepFrame> history) {
        this.history = history;
    }

    /** The history changed: fold from the start next time. */
    void forget() {
        position = -1;
        device = SwapDevice.EMPTY;
    }

    /**
     * The device after step {@code p} of the history ({@code f} itself when it is not in the
     * history: then only its own events are known).
     */
    SwapDevice after(int p, StepFrame f) {
        if (p < 0) {
            return SwapDevice.EMPTY.after(f.events());
        }
        if (position < 0 || p < position) {
            forget();
        }
        while (position < p) {
            position++;
            device = device.after(history.get(position).events());
        }
        return device;
    }

    /** The device after step {@code p}, leaving the running fold where it is. */
    SwapDevice afterWithoutMemo(int p, StepFrame f) {
        if (p < 0) {
            return SwapDevice.EMPTY.after(f.events());
        }
        SwapDevice d = SwapDevice.EMPTY;
        for (int i = 0; i <= p; i++) {
            d = d.after(history.get(i).events());
        }
        return d;
    }
}
