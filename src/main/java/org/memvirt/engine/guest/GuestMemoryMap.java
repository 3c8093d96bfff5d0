package org.memvirt.engine.guest;

import java.util.TreeSet;

import org.memvirt.engine.memory.CowVector;
import org.memvirt.engine.memory.Epoch;
import org.memvirt.engine.paging.PageSize;

/**
 * The guest kernel's view of its RAM: which guest-physical pages are free and what the others
 * hold. Free 4 KiB pages are handed out lowest first; memory never used yet is handed out from
 * the bottom of RAM upward (above the first MiB, as firmware leaves it), naturally aligned.
 */
public final class GuestMemoryMap {
    private static final long FIRST_USABLE_GFN = 256;
    private final int vm;
    private final long ramPages;
    private final CowVector<GuestPage> pages;
    private final TreeSet<Long> freed = new TreeSet<>();
    private final java.util.TreeMap<Long, Long> holes = new java.util.TreeMap<>();
    private long holePages;
    private long top = FIRST_USABLE_GFN;

    /** The map of a VM with {@code ramBytes} of RAM. */
    public GuestMemoryMap(Epoch epoch, int vm, long ramBytes) {
        this.vm = vm;
        this.ramPages = ramBytes >>> 12;
        this.pages = new CowVector<>(epoch, (int) Math.min(Integer.MAX_VALUE, ramPages));
    }

    /** Pages of RAM. */
    public long ramPages() {
        return ramPages;
    }

    /** Pages the kernel could allocate now. */
    public long freePages() {
        return ramPages - top + freed.size() + holePages;
    }

    /** Allocates a page of {@code size} for {@code owner}; returns its guest-physical address. */
    public long allocate(PageSize size, GuestPage owner) {
        long gfn;
        if (size == PageSize.SIZE_4K && !freed.isEmpty()) {
            gfn = freed.pollFirst();
        } else if (size == PageSize.SIZE_4K && !holes.isEmpty()) {
            gfn = takeFromHole();
        } else {
            long step = size.frames();
            gfn = (top + step - 1) / step * step;
            if (gfn + step > ramPages) {
                throw new GuestOutOfMemory(vm, size);
            }
            if (gfn > top) {
                holes.put(top, gfn);
                holePages += gfn - top;
            }
            top = gfn + step;
        }
        pages.set((int) gfn, owner);
        return gfn << 12;
    }

    /** The lowest page of the lowest gap that alignment of a large page left behind. */
    private long takeFromHole() {
        var first = holes.pollFirstEntry();
        long gfn = first.getKey();
        if (gfn + 1 < first.getValue()) {
            holes.put(gfn + 1, first.getValue());
        }
        holePages--;
        return gfn;
    }

    /** Allocates one 4 KiB page if one is free; -1 otherwise (the caller reclaims and retries). */
    public long tryAllocate(GuestPage owner) {
        if (freePages() == 0) {
            return -1;
        }
        return allocate(PageSize.SIZE_4K, owner);
    }

    /** The record of the page at {@code gpa}, or null when it is free or never used. */
    public GuestPage page(long gpa) {
        long gfn = gpa >>> 12;
        return gfn < pages.size() ? pages.get((int) gfn) : null;
    }

    /** Replaces the record of an allocated page. */
    public void set(long gpa, GuestPage owner) {
        pages.set((int) (gpa >>> 12), owner);
    }

    /** Returns a 4 KiB page to the free pool. */
    public void free(long gpa) {
        long gfn = gpa >>> 12;
        if (pages.get((int) gfn) == null) {
            throw new IllegalStateException(String.format("guest page 0x%x is already free", gpa));
        }
        pages.set((int) gfn, null);
        freed.add(gfn);
    }

    /** The highest page number handed out so far, plus one. */
    public long highWater() {
        return top;
    }

    /** An immutable view for snapshots. */
    public CowVector.Frozen<GuestPage> freeze() {
        return pages.freeze();
    }
}
