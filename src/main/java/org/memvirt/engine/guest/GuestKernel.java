package org.memvirt.engine.guest;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.event.EventSink;
import org.memvirt.engine.paging.Mapping;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.RadixTable;
import org.memvirt.engine.paging.TableFormat;

/**
 * The guest operating system's memory management, as much as the lessons need: processes with
 * their own x86-64 page tables built in (guest-)physical memory, mapping and remapping pages,
 * and the current CR3.
 */
public final class GuestKernel {
    private final GuestPhysical physical;
    private final int levels;
    private final boolean pcids;
    private final List<GuestProcess> processes = new ArrayList<>();
    private int current;
    private GuestPager pager;
    private BalloonDriver balloon;

    /** A kernel with {@code levels}-level tables (4, or 5 with LA57) over {@code physical}. */
    public GuestKernel(GuestPhysical physical, int levels, boolean pcids) {
        this.physical = physical;
        this.levels = levels;
        this.pcids = pcids;
    }

    public int levels() {
        return levels;
    }

    public GuestPhysical physical() {
        return physical;
    }

    /** Creates a process with an empty top-level table; the first one becomes current. */
    public GuestProcess createProcess() {
        int pid = processes.size() + 1;
        GuestProcess p = new GuestProcess(pid, pcids ? pid : 0, physical.newTable());
        processes.add(p);
        if (current == 0) {
            current = pid;
        }
        return p;
    }

    /** A process by number. */
    public GuestProcess process(int pid) {
        if (pid < 1 || pid > processes.size()) {
            throw new IllegalArgumentException("no process " + pid + " (there are " + processes.size() + ")");
        }
        return processes.get(pid - 1);
    }

    /** All processes, in creation order. */
    public List<GuestProcess> processes() {
        return List.copyOf(processes);
    }

    /** The process whose table CR3 points at. */
    public GuestProcess current() {
        return process(current);
    }

    /** Loads CR3 with another process's table. */
    public void switchTo(int pid) {
        process(pid);
        current = pid;
    }

    /** The page table of a process. */
    public RadixTable table(int pid) {
        return new RadixTable(physical, TableFormat.X86, levels, process(pid).root());
    }

    /** Maps {@code va} to a newly allocated page; returns the page's physical address. */
    public long map(int pid, long va, PageSize size, long flags) {
        long pa = physical.allocateData(size, new GuestPage(GuestPageUse.DATA, pid, va & ~size.offsetMask(), size));
        table(pid).map(va, pa, size, flags);
        return pa;
    }

    /**
     * Maps {@code va} to a new 4 KiB page while the system runs: when no page is free the kernel
     * reclaims one (from the balloon on OOM, else by swapping a process page out).
     */
    public long mapReclaiming(int pid, long va, long flags, GuestCpu cpu, EventSink sink) {
        GuestPage owner = new GuestPage(GuestPageUse.DATA, pid, va & ~0xFFFL, PageSize.SIZE_4K);
        long pa = pager == null ? physical.allocateData(PageSize.SIZE_4K, owner)
                : pager.allocate(owner, balloon, cpu, sink);
        table(pid).map(va, pa, PageSize.SIZE_4K, flags);
        return pa;
    }

    /**
     * Makes this kernel able to reclaim its own memory: page replacement to a guest swap
     * device, and a balloon driver talking to {@code host}.
     */
    public void enableReclaim(int vm, BalloonDriver.BalloonHost host, boolean deflateOnOom) {
        GuestMemoryMap map = physical.pageMap();
        if (map == null) {
            throw new IllegalStateException("a native machine has no guest memory to reclaim");
        }
        this.pager = new GuestPager(vm, this, map);
        this.balloon = new BalloonDriver(vm, map, host, deflateOnOom);
        balloon.attach(pager);
    }

    /** The guest's page replacement, or null when reclamation is off (native). */
    public GuestPager pager() {
        return pager;
    }

    /** The balloon driver, or null when reclamation is off (native). */
    public BalloonDriver balloon() {
        return balloon;
    }

    /**
     * The guest's #PF handler for a not-present page: reads a swapped-out page back. Returns
     * false for a fault it cannot fix (no swap entry: the process gets SIGSEGV).
     */
    public boolean handlePageFault(int pid, long va, GuestCpu cpu, EventSink sink) {
        return pager != null && pager.handleFault(pid, va, balloon, cpu, sink);
    }

    /** Maps {@code va} to the page at {@code pa} (sharing or remapping a page). */
    public long mapTo(int pid, long va, long pa, PageSize size, long flags) {
        return table(pid).map(va, pa, size, flags);
    }

    /** The software translation of {@code va} in a process, or null. */
    public Mapping lookup(int pid, long va) {
        return table(pid).lookup(va);
    }
}
