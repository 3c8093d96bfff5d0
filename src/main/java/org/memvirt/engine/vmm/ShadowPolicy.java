package org.memvirt.engine.vmm;

/**
 * The hypervisor's shadow-paging design choices (KVM's shadow MMU is the model).
 *
 * @param roots          how many shadow roots to keep, one per guest CR3: 1 drops the root on
 *                       every switch and rebuilds on demand; KVM keeps 4 (the current one plus 3
 *                       previous), least recently used dropped first
 * @param unsync         whether a trapped write to a leaf guest table lets that page go out of
 *                       sync (no more traps) until the guest's next INVLPG or TLB flush
 * @param floodThreshold emulated writes to one table page with no use in between after which
 *                       the hypervisor stops shadowing it (KVM: 3)
 */
public record ShadowPolicy(int roots, boolean unsync, int floodThreshold) {
    public ShadowPolicy {
        if (roots < 1) {
            throw new IllegalArgumentException("the hypervisor must keep at least 1 shadow root, not " + roots);
        }
        if (floodThreshold < 2) {
            throw new IllegalArgumentException("the write-flood threshold must be at least 2, not " + floodThreshold);
        }
    }

    /** KVM's defaults: 4 roots, no unsync, flooding after 3 writes. */
    public static ShadowPolicy kvm() {
        return new ShadowPolicy(4, false, 3);
    }

    public ShadowPolicy withRoots(int r) {
        return new ShadowPolicy(r, unsync, floodThreshold);
    }

    public ShadowPolicy withUnsync(boolean on) {
        return new ShadowPolicy(roots, on, floodThreshold);
    }
}
