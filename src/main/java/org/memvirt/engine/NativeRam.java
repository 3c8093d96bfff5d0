package org.memvirt.engine;

import org.memvirt.engine.guest.GuestPage;
import org.memvirt.engine.guest.GuestPhysical;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.paging.PageSize;

/** Physical memory of an unvirtualized machine: the kernel's addresses are host addresses. */
final class NativeRam implements GuestPhysical {
    private final HostMemory memory;

    NativeRam(HostMemory memory) {
        this.memory = memory;
    }

    @Override
    public long readEntry(long pa) {
        return memory.readWord(pa);
    }

    @Override
    public void writeEntry(long pa, long value) {
        memory.writeWord(pa, value);
    }

    @Override
    public long newTable() {
        return HostMemory.addressOf(memory.allocate(FrameUse.GUEST_TABLE, 0));
    }

    @Override
    public long allocateData(PageSize size, GuestPage owner) {
        return HostMemory.addressOf(memory.allocateAligned(size.frames(), FrameUse.DATA, 0));
    }

    @Override
    public long ramBytes() {
        return HostMemory.addressOf(memory.frameCount());
    }
}
