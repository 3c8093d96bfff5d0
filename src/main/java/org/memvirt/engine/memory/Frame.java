package org.memvirt.engine.memory;

/**
 * Who owns a host frame and what it holds.
 *
 * @param use  what the frame holds
 * @param vm   the owning VM (0 = the host itself or the hypervisor; VMs count from 1)
 * @param refs how many guest pages map the frame (1, or more when shared)
 */
public record Frame(FrameUse use, int vm, int refs) {
    /** The state of a frame nobody owns. */
    public static final Frame FREE = new Frame(FrameUse.FREE, 0, 0);

    /** True when the frame is not allocated. */
    public boolean isFree() {
        return use == FrameUse.FREE;
    }
}
