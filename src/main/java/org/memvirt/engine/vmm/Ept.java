package org.memvirt.engine.vmm;

import org.memvirt.engine.host.HostTableSpace;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.paging.EptEntry;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.Mapping;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.RadixTable;
import org.memvirt.engine.paging.TableFormat;

/**
 * One VM's extended page table: the hypervisor's GPA to HPA map, stored in host frames as real
 * EPT entries. The EPTP names its root, its number of levels and whether A/D flags are on.
 */
public final class Ept {
    private final int vm;
    private final HostTableSpace space;
    private final RadixTable table;
    private final PageSize pageSize;
    private final boolean accessDirty;

    Ept(HostMemory memory, int vm, int levels, PageSize pageSize, boolean accessDirty) {
        this.vm = vm;
        this.space = new HostTableSpace(memory, FrameUse.EPT_TABLE, 0);
        this.table = new RadixTable(space, TableFormat.EPT, levels, space.newTable());
        this.pageSize = pageSize;
        this.accessDirty = accessDirty;
    }

    public int vm() {
        return vm;
    }

    /** Host physical address of the top-level EPT table. */
    public long root() {
        return table.root();
    }

    public int levels() {
        return table.levels();
    }

    /** The size of the host pages the hypervisor backs guest memory with. */
    public PageSize pageSize() {
        return pageSize;
    }

    public boolean accessDirty() {
        return accessDirty;
    }

    /**
     * The EPT pointer as the VMCS holds it: root address, write-back memory type (6) in bits
     * 2:0, page-walk length minus one in bits 5:3, A/D enable in bit 6.
     */
    public long eptp() {
        return root() | EptEntry.MEMTYPE_WB | ((long) (levels() - 1) << 3) | (accessDirty ? 1L << 6 : 0);
    }

    /** The host mapping of {@code gpa}, or null when it is not backed. */
    public Mapping lookup(long gpa) {
        return table.lookup(gpa);
    }

    /** Maps guest-physical {@code gpa} to host {@code hpa} with rights {@code rwx}. */
    public long map(long gpa, long hpa, PageSize size, int rwx) {
        return table.map(gpa, hpa, size, EptEntry.leaf(0, 1, rwx) & ~EptEntry.ADDRESS_MASK);
    }

    /** Removes the 4 KiB leaf for {@code gpa} (the page is no longer backed); returns the old entry. */
    public long unmap(long gpa) {
        long entry = table.entryAddress(gpa, 1);
        if (entry < 0) {
            return 0;
        }
        long old = space.readEntry(entry);
        space.writeEntry(entry, 0);
        return old;
    }

    /** Rewrites the rights of the 4 KiB leaf for {@code gpa} (read-only for a shared frame, say). */
    public void setRights(long gpa, int rwx) {
        long entry = table.entryAddress(gpa, 1);
        long old = space.readEntry(entry);
        space.writeEntry(entry, (old & ~EptEntry.RWX) | (rwx & EptEntry.RWX));
    }

    /** The raw leaf entry for {@code gpa}, or 0. */
    public long leafEntry(long gpa) {
        long entry = table.entryAddress(gpa, 1);
        return entry < 0 ? 0 : space.readEntry(entry);
    }

    /** Clears the accessed flag of the leaf for {@code gpa} (activity sampling); returns whether it was set. */
    public boolean testAndClearAccessed(long gpa) {
        long entry = table.entryAddress(gpa, 1);
        if (entry < 0) {
            return false;
        }
        long old = space.readEntry(entry);
        if ((old & EptEntry.ACCESSED) != 0) {
            space.writeEntry(entry, old & ~EptEntry.ACCESSED);
            return true;
        }
        return false;
    }

    /** The address of the EPT entry for {@code gpa} at {@code level}, or -1. */
    public long entryAddress(long gpa, int level) {
        return table.entryAddress(gpa, level);
    }

    /** The name of a level of this table. */
    public static String levelName(int level) {
        return Levels.eptName(level);
    }
}
