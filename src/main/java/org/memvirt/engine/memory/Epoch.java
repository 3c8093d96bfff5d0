package org.memvirt.engine.memory;

/**
 * The copy-on-write generation of one machine. Structures created or copied in the current
 * generation may be changed in place; taking a snapshot starts a new generation, which freezes
 * everything the snapshot can see. This is what lets the player keep every step's state while
 * copying only what a step changed.
 */
public final class Epoch {
    private long current = 1;

    /** The generation that may be mutated now. */
    public long current() {
        return current;
    }

    /** Freezes everything made so far; later writes copy first. */
    public void advance() {
        current++;
    }
}
