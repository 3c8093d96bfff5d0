package org.memvirt.viewmodel.memory;

import org.memvirt.engine.VmMemory;
import org.memvirt.engine.guest.GuestPage;
import org.memvirt.engine.guest.GuestPageUse;
import org.memvirt.engine.memory.CowVector;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.MemoryImage;

/**
 * One VM's guest-physical memory at one step, page by page: what the guest kernel uses each page
 * for and what (if anything) backs it in the host. The guest's view and the host's view side by
 * side is what makes ballooning and host swapping visible.
 */
public final class GuestStrip {
    /** Guest pages below this (the first MiB) are left to firmware. */
    static final int FIRST_USABLE_GFN = 256;

    private final int vm;
    private final VmMemory memory;
    private final int[] looks;
    private final int[] backing;
    private final GuestPage[] pages;
    private final int[] stateCounts = new int[GuestPageState.values().length];

    private GuestStrip(int vm, VmMemory memory, int[] backing, MemoryImage host, SwapDevice swap) {
        this.vm = vm;
        this.memory = memory;
        this.backing = backing;
        int n = backing.length;
        looks = new int[n];
        pages = new GuestPage[n];
        CowVector.Frozen<GuestPage> recorded = memory.guestPages();
        GuestPage covering = null;
        int coveringLeft = 0;
        for (int gfn = 0; gfn < n; gfn++) {
            GuestPage page = recorded == null || gfn >= recorded.size() ? null : recorded.get(gfn);
            if (page != null) {
                covering = page;
                coveringLeft = page.size().frames();
            } else if (coveringLeft > 0) {
                page = covering;
            }
            coveringLeft--;
            pages[gfn] = page;
            GuestPageState state = state(gfn, page, host, swap);
            stateCounts[state.ordinal()]++;
            looks[gfn] = Looks.guest(state, vm);
        }
    }

    /**
     * The strip of one VM.
     *
     * @param backing the frame behind each guest page (-1: none), from the hypervisor's table
     * @param host    host memory at the same step
     * @param swap    the host swap device at the same step
     */
    public static GuestStrip of(int vm, VmMemory memory, int[] backing, MemoryImage host, SwapDevice swap) {
        return new GuestStrip(vm, memory, backing, host, swap);
    }

    private GuestPageState state(int gfn, GuestPage page, MemoryImage host, SwapDevice swap) {
        int pfn = backing[gfn];
        if (page == null) {
            if (gfn < FIRST_USABLE_GFN) {
                return GuestPageState.FIRMWARE;
            }
            return pfn >= 0 ? GuestPageState.FREE_BACKED : GuestPageState.FREE;
        }
        return switch (page.use()) {
            case BALLOON -> GuestPageState.BALLOON;
            case TABLE, DATA -> {
                if (swap.slotOf(vm, gfn) >= 0) {
                    yield GuestPageState.HOST_SWAPPED;
                }
                if (pfn < 0) {
                    yield GuestPageState.NOT_BACKED;
                }
                if (page.use() == GuestPageUse.TABLE) {
                    yield GuestPageState.TABLE;
                }
                yield host.frame(pfn).use() == FrameUse.SHARED ? GuestPageState.SHARED : GuestPageState.DATA;
            }
        };
    }

    /** The VM. */
    public int vm() {
        return vm;
    }

    /** The VM's reclamation figures at this step. */
    public VmMemory memory() {
        return memory;
    }

    /** Guest pages (the VM's RAM ÷ 4 KiB). */
    public int pageCount() {
        return looks.length;
    }

    /** The look of one guest page. */
    public int look(int gfn) {
        return looks[gfn];
    }

    /** The looks of all pages, page 0 first (a copy). */
    public int[] looks() {
        return looks.clone();
    }

    /** What one guest page is. */
    public GuestPageState state(int gfn) {
        return Looks.state(looks[gfn]);
    }

    /** The host frame behind a guest page, or -1. */
    public int frameOf(int gfn) {
        return backing[gfn];
    }

    /** The guest kernel's record of the page (for a page inside a large page, the large page's), or null. */
    public GuestPage page(int gfn) {
        return pages[gfn];
    }

    /** Pages in one state. */
    public int count(GuestPageState state) {
        return stateCounts[state.ordinal()];
    }
}
