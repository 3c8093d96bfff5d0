package org.memvirt.engine.guest;

import org.memvirt.engine.event.EventSink;
import org.memvirt.engine.event.SwapIn;
import org.memvirt.engine.event.SwapOut;
import org.memvirt.engine.event.Swapper;
import org.memvirt.engine.memory.Page;
import org.memvirt.engine.paging.Mapping;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.RadixTable;
import org.memvirt.engine.paging.X86Entry;

/**
 * The guest kernel's page replacement: when it needs a free page and has none, it evicts a
 * process page chosen by a clock over the accessed bits of its PTEs, writes it to its own swap
 * device and leaves a swap entry in the PTE; the page fault on that entry reads it back. The
 * guest knows which pages matter to it; the host does not.
 */
public final class GuestPager {
    private final int vm;
    private final GuestKernel kernel;
    private final GuestMemoryMap map;
    private final GuestSwap swap = new GuestSwap();
    private long hand;

    GuestPager(int vm, GuestKernel kernel, GuestMemoryMap map) {
        this.vm = vm;
        this.kernel = kernel;
        this.map = map;
        this.hand = 0;
    }

    public GuestSwap swap() {
        return swap;
    }

    /**
     * A free 4 KiB page for {@code owner}: from the free pool, else from the balloon (deflate on
     * OOM), else by evicting a process page.
     */
    long allocate(GuestPage owner, BalloonDriver balloon, GuestCpu cpu, EventSink sink) {
        long gpa = map.tryAllocate(owner);
        if (gpa < 0 && balloon != null && balloon.deflateOnOom() && balloon.size() > 0) {
            balloon.deflateOnOom(cpu, sink);
            gpa = map.tryAllocate(owner);
        }
        if (gpa < 0) {
            evict(1, cpu, sink);
            gpa = map.tryAllocate(owner);
        }
        if (gpa < 0) {
            throw new GuestOutOfMemory(vm, PageSize.SIZE_4K);
        }
        return gpa;
    }

    /**
     * Evicts up to {@code count} process pages by the clock and returns how many went to swap.
     * Reading a victim's contents touches it: if the host had swapped it out already, the host
     * must read it back first only for the guest to write it out (double paging).
     */
    public int evict(int count, GuestCpu cpu, EventSink sink) {
        int evicted = 0;
        long limit = 2 * map.highWater() + 2;
        for (long tries = 0; evicted < count && tries < limit; tries++) {
            if (hand >= map.highWater()) {
                hand = 0;
            }
            long gpa = hand++ << 12;
            GuestPage page = map.page(gpa);
            if (page == null || page.use() != GuestPageUse.DATA || page.size() != PageSize.SIZE_4K) {
                continue;
            }
            RadixTable table = kernel.table(page.pid());
            Mapping m = table.lookup(page.gva());
            if (m == null || m.pageBase() != gpa) {
                continue;
            }
            if ((m.entry() & X86Entry.A) != 0) {
                table.map(page.gva(), gpa, PageSize.SIZE_4K, (m.entry() & ~X86Entry.ADDRESS_MASK) & ~X86Entry.A);
                continue;
            }
            swapOut(page, gpa, m, cpu, sink);
            evicted++;
        }
        return evicted;
    }

    private void swapOut(GuestPage page, long gpa, Mapping m, GuestCpu cpu, EventSink sink) {
        Page contents = cpu.readPage(gpa);
        int slot = swap.store(contents);
        kernel.physical().writeEntry(m.entryAddress(), GuestSwap.entryFor(slot));
        cpu.invalidatePage(page.gva());
        map.free(gpa);
        if (sink.recording()) {
            sink.emit(new SwapOut(vm, gpa, page.gva(), -1, slot, Swapper.GUEST));
        }
    }

    /**
     * The guest's page-fault handler for a not-present page: a swap entry is read back into a
     * fresh page and mapped again. Returns false when the PTE holds no swap entry (a real fault).
     */
    public boolean handleFault(int pid, long gva, BalloonDriver balloon, GuestCpu cpu, EventSink sink) {
        RadixTable table = kernel.table(pid);
        long entryAddress = table.entryAddress(gva, 1);
        if (entryAddress < 0) {
            return false;
        }
        long pte = kernel.physical().readEntry(entryAddress);
        if (!GuestSwap.isSwapEntry(pte)) {
            return false;
        }
        int slot = GuestSwap.slotOf(pte);
        long pageVa = gva & ~0xFFFL;
        long gpa = allocate(new GuestPage(GuestPageUse.DATA, pid, pageVa, PageSize.SIZE_4K), balloon, cpu, sink);
        cpu.writePage(gpa, swap.take(slot));
        kernel.physical().writeEntry(entryAddress, X86Entry.leaf(gpa, 1, X86Entry.P | X86Entry.RW | X86Entry.US));
        if (sink.recording()) {
            sink.emit(new SwapIn(vm, gpa, pageVa, -1, slot, Swapper.GUEST));
        }
        return true;
    }
}
