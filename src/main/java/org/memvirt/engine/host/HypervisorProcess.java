package org.memvirt.engine.host;

import java.util.List;

import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.paging.RadixTable;
import org.memvirt.engine.paging.TableFormat;
import org.memvirt.engine.paging.TableSpace;
import org.memvirt.engine.paging.X86Entry;

/**
 * The user process that runs one VM (QEMU under KVM): the VM's RAM is anonymous memory of this
 * process, described to KVM by memslots, and mapped to host frames by the host kernel's page
 * table for the process — real x86-64 entries in host frames, four levels, like any process's.
 */
public final class HypervisorProcess {
    /** Where QEMU's guest RAM mapping of VM 1 starts; each further VM's is 64 GiB higher. */
    public static final long USER_BASE = 0x0000_7f00_0000_0000L;
    /** Flags of a present, writable page of anonymous memory. */
    static final long WRITABLE = X86Entry.P | X86Entry.RW | X86Entry.US | X86Entry.A | X86Entry.D;
    /** Flags of a present, read-only page (a KSM-merged page). */
    static final long READ_ONLY = X86Entry.P | X86Entry.US | X86Entry.A;

    private final int pid;
    private final int vm;
    private final List<Memslot> memslots;
    private final RadixTable table;

    HypervisorProcess(HostMemory memory, int pid, int vm, List<Memslot> memslots) {
        this.pid = pid;
        this.vm = vm;
        this.memslots = List.copyOf(memslots);
        TableSpace space = HostTableSpace.fromTop(memory, FrameUse.HOST_TABLE, vm);
        this.table = new RadixTable(space, TableFormat.X86, 4, space.newTable());
    }

    /** The host process id. */
    public int pid() {
        return pid;
    }

    /** The VM whose RAM this process holds. */
    public int vm() {
        return vm;
    }

    /** What {@code ps} shows for it. */
    public String name() {
        return "qemu-system-x86_64 (VM " + vm + ")";
    }

    public List<Memslot> memslots() {
        return memslots;
    }

    /** The memslot covering {@code gpa}, or null (no RAM there: MMIO). */
    public Memslot memslot(long gpa) {
        for (Memslot s : memslots) {
            if (s.contains(gpa)) {
                return s;
            }
        }
        return null;
    }

    /** Host physical address of the process's top-level page table (its CR3 on the host). */
    public long pageTableRoot() {
        return table.root();
    }

    RadixTable table() {
        return table;
    }

    /** A snapshot-friendly description of the process. */
    public HostProcessImage image() {
        return new HostProcessImage(pid, vm, name(), memslots, table.root());
    }
}
