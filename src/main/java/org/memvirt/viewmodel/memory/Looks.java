package org.memvirt.viewmodel.memory;

/**
 * How one cell of the host memory view looks, packed into an {@code int} so that a whole map of
 * 65,536 frames is one primitive array the view paints in a single pass. A look is a kind
 * (a {@link FrameCategory} for a host frame, a {@link GuestPageState} for a guest page) plus the
 * VM whose shade it takes; only kinds drawn in a VM's own shade keep the VM, the others use 0
 * so that all VMs' page tables, say, share one look and one legend entry.
 */
public final class Looks {
    /** Looks in all; the view keeps one style per look. */
    public static final int COUNT = 0x200;
    /** VMs above this share the last shade (the legend and the info line still give the number). */
    public static final int MAX_VM_SHADE = 15;
    /** An empty slot of the host swap device (its page was read back in). */
    public static final int EMPTY_SLOT = 0xF0;

    private static final int GUEST = 0x100;

    private Looks() {
    }

    /** The look of a host frame. */
    public static int frame(FrameCategory category, int vm) {
        int shade = category == FrameCategory.DATA ? shade(vm) : 0;
        return category.ordinal() << 4 | shade;
    }

    /** The look of a guest-physical page. */
    public static int guest(GuestPageState state, int vm) {
        int shade = switch (state) {
            case DATA, FREE_BACKED, HOST_SWAPPED, NOT_BACKED -> shade(vm);
            case FIRMWARE, FREE, TABLE, SHARED, BALLOON -> 0;
        };
        return GUEST + (state.ordinal() << 4) + shade;
    }

    /** The look of a host swap slot holding a page of {@code vm}. */
    public static int swapSlot(int vm) {
        return guest(GuestPageState.HOST_SWAPPED, vm);
    }

    /** True for a guest page's look (and a swap slot's), false for a host frame's. */
    public static boolean isGuest(int look) {
        return look >= GUEST;
    }

    /** The category of a host frame's look. */
    public static FrameCategory category(int look) {
        if (isGuest(look) || look == EMPTY_SLOT) {
            throw new IllegalArgumentException("not a host frame's look: " + look);
        }
        return FrameCategory.values()[look >>> 4];
    }

    /** The state of a guest page's look. */
    public static GuestPageState state(int look) {
        if (!isGuest(look)) {
            throw new IllegalArgumentException("not a guest page's look: " + look);
        }
        return GuestPageState.values()[(look - GUEST) >>> 4];
    }

    /** The VM whose shade the look takes (0 when it takes none). */
    public static int vm(int look) {
        return look & 0xF;
    }

    private static int shade(int vm) {
        return Math.max(0, Math.min(vm, MAX_VM_SHADE));
    }
}
