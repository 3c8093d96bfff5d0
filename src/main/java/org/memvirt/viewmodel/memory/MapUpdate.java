package org.memvirt.viewmodel.memory;

/**
 * What the memory map must draw now, all at once: the picture, the frames this step changed (the
 * map outlines them), and the animation that leads to it (null: draw the result only).
 *
 * @param picture   the step's picture
 * @param changed   frames whose look or reference count changed in this step
 * @param animation how to get there from the previous step, or null
 */
public record MapUpdate(MemoryPicture picture, int[] changed, AnimationPlan animation) {
    public MapUpdate {
        changed = changed.clone();
    }

    @Override
    public int[] changed() {
        return changed.clone();
    }

    /** How many frames changed. */
    public int changedCount() {
        return changed.length;
    }
}
