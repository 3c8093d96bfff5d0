package org.memvirt.engine;

import org.memvirt.engine.guest.GuestMemoryMap;
import org.memvirt.engine.guest.GuestPage;
import org.memvirt.engine.guest.GuestPhysical;
import org.memvirt.engine.memory.Epoch;
import org.memvirt.engine.memory.Frame;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.vmm.Hypervisor;

/**
 * A VM's guest-physical memory as its kernel uses it: addresses are GPAs, translated by the
 * hypervisor's EPT (or P2M) in software when the kernel edits its tables. Touching a page that
 * is not backed goes through the hypervisor, which backs it or reads it back from swap.
 */
final class GuestRam implements GuestPhysical {
    private final int vm;
    private final long ramBytes;
    private final HostMemory memory;
    private final Hypervisor hypervisor;
    private final GuestMemoryMap map;
    private StoreTrap trap = StoreTrap.NONE;
    private GuestTouch touch;

    GuestRam(int vm, long ramBytes, HostMemory memory, Hypervisor hypervisor, Epoch epoch) {
        this.vm = vm;
        this.ramBytes = ramBytes;
        this.memory = memory;
        this.hypervisor = hypervisor;
        this.map = new GuestMemoryMap(epoch, vm, ramBytes);
    }

    @Override
    public GuestMemoryMap pageMap() {
        return map;
    }

    /** Routes the kernel's loads and stores of unbacked, swapped or shared memory through the hypervisor. */
    void setTouch(GuestTouch guestTouch) {
        this.touch = guestTouch;
    }

    @Override
    public long readEntry(long gpa) {
        long hpa = hypervisor.hostAddress(vm, gpa);
        if (hpa < 0) {
            return touch.peek(gpa);
        }
        return memory.readWord(hpa);
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
        memory.writeWord(touch.forWrite(gpa), value);
    }

    @Override
    public long newTable() {
        long gpa = map.allocate(PageSize.SIZE_4K, GuestPage.TABLE);
        long hpa = touch.forWrite(gpa) & ~0xFFFL;
        for (int i = 0; i < 512; i++) {
            memory.writeWord(hpa + 8L * i, 0);
        }
        if (hypervisor.ept(vm).pageSize() == PageSize.SIZE_4K) {
            var frame = memory.frame(HostMemory.frameOf(hpa));
            if (frame.use() == FrameUse.DATA) {
                memory.setFrame(HostMemory.frameOf(hpa), new Frame(FrameUse.GUEST_TABLE, frame.vm(), frame.refs()));
            }
        }
        return gpa;
    }

    @Override
    public long allocateData(PageSize size, GuestPage owner) {
        return map.allocate(size, owner);
    }

    @Override
    public long ramBytes() {
        return ramBytes;
    }
}
