package org.memvirt.engine.host;

import java.util.function.IntSupplier;

import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.paging.TableSpace;

/** Host memory as the space a hypervisor's tables live in; new tables are frames it owns. */
public final class HostTableSpace implements TableSpace {
    private final HostMemory memory;
    private final IntSupplier newFrame;

    /** Tables of {@code use} for {@code vm}, allocated from {@code memory}. */
    public HostTableSpace(HostMemory memory, FrameUse use, int vm) {
        this(memory, () -> memory.allocate(use, vm));
    }

    private HostTableSpace(HostMemory memory, IntSupplier newFrame) {
        this.memory = memory;
        this.newFrame = newFrame;
    }

    /**
     * Tables of {@code use} for {@code vm} taken from the top of host memory, so that the host
     * kernel's own tables do not move the frames guests are given from the bottom.
     */
    public static HostTableSpace fromTop(HostMemory memory, FrameUse use, int vm) {
        return new HostTableSpace(memory, () -> memory.allocateFromTop(use, vm));
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
        return HostMemory.addressOf(newFrame.getAsInt());
    }
}
