package org.memvirt.engine.guest;

import java.util.ArrayList;
import java.util.List;

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
        long pa = physical.allocateData(size);
        table(pid).map(va, pa, size, flags);
        return pa;
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
