package org.memvirt.viewmodel.memory;

/**
 * What one guest-physical page is, seen from both sides: the guest kernel's page array says
 * free, table, data or balloon; the host's mapping says whether a frame backs it, whether that
 * frame is shared, or whether the host swapped the page out behind the guest's back.
 */
public enum GuestPageState {
    /** The first MiB: left to firmware, never handed out by the guest kernel. */
    FIRMWARE("First MiB (firmware)"),
    /** On the guest kernel's free list. */
    FREE("Free in the guest"),
    /**
     * Free in the guest, yet a host frame still backs it: the host cannot see the guest's free
     * list, which is why a balloon (the guest handing over free pages) frees frames.
     */
    FREE_BACKED("Free in the guest, frame still held"),
    /** One of the guest's page tables. */
    TABLE("Guest page table"),
    /** Process data in a private host frame. */
    DATA("Data, own frame"),
    /** Process data in a frame shared with identical pages. */
    SHARED("Data, shared frame"),
    /** Pinned by the balloon driver and handed to the host. */
    BALLOON("In the balloon"),
    /** Allocated by the guest, but the host swapped it out: its contents are on the host's swap device. */
    HOST_SWAPPED("Swapped out by the host"),
    /** Allocated by the guest, no host frame behind it right now (never touched, or an activity sample). */
    NOT_BACKED("Not backed by a frame");

    private final String label;

    GuestPageState(String label) {
        this.label = label;
    }

    /** The words the legend and the info line use. */
    public String label() {
        return label;
    }
}
