package org.memvirt.engine.memory;

/** The host has no free frames (or no free aligned run) for an allocation. */
public final class OutOfHostMemory extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An allocation of {@code wanted} frames failed with {@code free} frames free. */
    public OutOfHostMemory(int wanted, int free) {
        super("host memory exhausted: wanted " + wanted + " contiguous frame(s), " + free + " free");
    }
}
