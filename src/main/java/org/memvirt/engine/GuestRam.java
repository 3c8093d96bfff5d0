package org.memvirt.engine;

import org.memvirt.engine.event.EventSink;
import org.memvirt.engine.guest.GuestPhysical;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.vmm.Hypervisor;

/**
 * A VM's guest-physical memory as its kernel uses it: addresses are GPAs, translated by the
 * hypervisor's EPT in software when the kernel edits its tables. Pages are handed out from the
 * bottom of RAM upward (above the first MiB, as firmware leaves it), naturally aligned.
 */
final class GuestRam implements GuestPhysical {
    private static final long FIRST_USABLE = 1L << 20;
    private final int vm;
    private final long ramBytes;
    private final HostMemory memory;
    private final Hypervisor hypervisor;
    private long next = FIRST_USABLE;
    private StoreTrap trap = StoreTrap.NONE;

    GuestRam(int vm, long ramBytes, HostMemory memory, Hypervisor hypervisor) {
        this.vm = vm;
        this.ramBytes = ramBytes;
        this.memory = memory;
        this.hypervisor = hypervisor;
    }

    @Override
    public long readEntry(long gpa) {
        long hpa = hypervisor.hostAddress(vm, gpa);
        return hpa < 0 ? 0 : memory.readWord(hpa);
    }

    /** Routes the kernel's stores through {@code storeTrap} first (write-protected guest tables). */
    void setStoreTrap(StoreTrap storeTrap) {
        this.trap = storeTrap;
    }

    @Override
    public void writeEntry(long gpa, long value) {
        if (trap.trap(gpa, value)) {
            return;
        }
        long hpa = hypervisor.back(vm, gpa, FrameUse.DATA, EventSink.COUNTING);
        memory.writeWord(hpa, value);
    }

    @Override
    public long newTable() {
        long gpa = allocate(PageSize.SIZE_4K);
        hypervisor.back(vm, gpa, FrameUse.GUEST_TABLE, EventSink.COUNTING);
        return gpa;
    }

    @Override
    public long allocateData(PageSize size) {
        return allocate(size);
    }

    @Override
    public long ramBytes() {
        return ramBytes;
    }

    private long allocate(PageSize size) {
        long base = (next + size.offsetMask()) & ~size.offsetMask();
        if (base + size.bytes() > ramBytes) {
            throw new IllegalStateException(String.format(
                    "VM %d is out of guest RAM: a %s page does not fit in %d MiB", vm, size, ramBytes >> 20));
        }
        next = base + size.bytes();
        return base;
    }
}
