package org.memvirt.viewmodel.compare;

/**
 * The built-in workloads a student picks from; each is a starting point the sliders then tune.
 * Each is chosen so that one side of the trade-off shows clearly at the default cost assumptions.
 */
public enum Workload {
    /** A working set twice the TLB's size, read over and over, one process. */
    TLB_SCAN("TLB-unfriendly scan",
            "One process reads 128 pages round-robin: twice what the 64-entry TLB holds, so nearly every read "
                    + "misses and walks. Nested pays 24 references a walk, shadow 4, after one hidden fault per page.",
            new WorkloadParams(128, 2048, 0, 0, true, 4)),
    /** Two processes taking turns every few reads. */
    CONTEXT_SWITCH("Context-switch heavy",
            "Two processes ping-pong every 4 reads over 4 shared pages. Every switch writes CR3 and "
                    + "flushes the TLB (no PCIDs): free under nested paging, a VM exit under shadow paging, and with "
                    + "1 shadow root a refill of every page.",
            new WorkloadParams(4, 1024, 4, 0, true, 4)),
    /** The kernel rewriting PTEs all the time. */
    PT_CHURN("Page-table churn",
            "One process reads 16 pages while its kernel remaps one every 8 reads (PTE write + INVLPG). "
                    + "Shadow paging must trap each write (and flush the TLB) to keep its tables right; nested "
                    + "paging never notices.",
            new WorkloadParams(16, 1024, 0, 8, true, 4)),
    /** A bit of everything. */
    MIXED("Mixed",
            "48 pages, a context switch every 64 reads, a PTE update every 32: here the verdict hangs on the "
                    + "costs you assume. Try an L3 hit per reference, or cheaper exits, and watch it flip.",
            new WorkloadParams(48, 1536, 64, 32, true, 4));

    private final String title;
    private final String description;
    private final WorkloadParams params;

    Workload(String title, String description, WorkloadParams params) {
        this.title = title;
        this.description = description;
        this.params = params;
    }

    public String title() {
        return title;
    }

    /** What the workload does and what it should show, in two sentences. */
    public String description() {
        return description;
    }

    public WorkloadParams params() {
        return params;
    }
}
