package org.memvirt.viewmodel.compare;

/**
 * The knobs of a Compare workload, all in the guest's terms.
 *
 * @param pages       the working set: distinct 4 KiB pages read round-robin
 * @param accesses    how many reads the trace makes
 * @param switchEvery reads between two context switches (CR3 writes); 0 = one process, no switches
 * @param updateEvery reads between two PTE updates (each followed by INVLPG); 0 = none
 * @param tlb         whether the TLB is on
 * @param shadowRoots shadow roots the hypervisor keeps (1 = drop on every switch; 4 = KVM)
 */
public record WorkloadParams(int pages, int accesses, int switchEvery, int updateEvery, boolean tlb,
                             int shadowRoots) {
    public static final int MAX_PAGES = 256;
    public static final int MIN_ACCESSES = 1;
    public static final int MAX_ACCESSES = 4096;
    public static final int MAX_EVERY = 256;
    public static final int MAX_ROOTS = 4;

    public WorkloadParams {
        check(pages, 1, MAX_PAGES, "pages");
        check(accesses, MIN_ACCESSES, MAX_ACCESSES, "accesses");
        check(switchEvery, 0, MAX_EVERY, "switch every");
        check(updateEvery, 0, MAX_EVERY, "PTE update every");
        check(shadowRoots, 1, MAX_ROOTS, "shadow roots");
    }

    private static void check(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be " + min + " to " + max + ", not " + value);
        }
    }

    /** Two processes take turns when the trace switches at all. */
    public int processes() {
        return switchEvery > 0 ? 2 : 1;
    }

    public WorkloadParams withPages(int p) {
        return new WorkloadParams(p, accesses, switchEvery, updateEvery, tlb, shadowRoots);
    }

    public WorkloadParams withAccesses(int n) {
        return new WorkloadParams(pages, n, switchEvery, updateEvery, tlb, shadowRoots);
    }

    public WorkloadParams withSwitchEvery(int k) {
        return new WorkloadParams(pages, accesses, k, updateEvery, tlb, shadowRoots);
    }

    public WorkloadParams withUpdateEvery(int u) {
        return new WorkloadParams(pages, accesses, switchEvery, u, tlb, shadowRoots);
    }

    public WorkloadParams withTlb(boolean on) {
        return new WorkloadParams(pages, accesses, switchEvery, updateEvery, on, shadowRoots);
    }

    public WorkloadParams withShadowRoots(int r) {
        return new WorkloadParams(pages, accesses, switchEvery, updateEvery, tlb, r);
    }
}
