package org.memvirt.engine.vmm;

import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.paging.TableSpace;

/** Host memory as the space a hypervisor's tables live in; new tables are frames it owns. */
public final class HostTableSpace implements TableSpace {
    private final HostMemory memory;
    private final FrameUse use;
    private final int vm;

    /** Tables of {@code use} for {@code vm}, allocated from {@code memory}. */
    public HostTableSpace(HostMemory memory, FrameUse use, int vm) {
        this.memory = memory;
        this.use = use;
        this.vm = vm;
    }

    @Override
    public long readEntry(long entryAddress) {
        return memory.readWord(entryAddress);
    }

    @Override
    public void writeEntry(long entryAddress, long value) {
        memory.writeWord(entryAddress, value);
    }

    @Override
    public long newTable() {
        return HostMemory.addressOf(memory.allocate(use, vm));
    }
}
