package org.memvirt.engine.reclaim;

import java.util.function.IntConsumer;

import org.memvirt.engine.event.CowBreak;
import org.memvirt.engine.event.EventSink;
import org.memvirt.engine.event.FrameAlloc;
import org.memvirt.engine.event.FrameFree;
import org.memvirt.engine.event.InvalidateReason;
import org.memvirt.engine.memory.Frame;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.vmm.Hypervisor;

/**
 * Read-only host frames mapped by several guest pages, with reference counts kept in the frame
 * table. A write to a shared page faults (its EPT leaf allows read and execute only) and is
 * served by copying it to a private frame: copy-on-write.
 */
final class SharedFrames {
    static final int READ_EXECUTE = 5;
    static final int ALL = 7;
    private final HostMemory memory;
    private final Hypervisor hypervisor;
    private final IntConsumer invept;

    SharedFrames(HostMemory memory, Hypervisor hypervisor, IntConsumer invept) {
        this.memory = memory;
        this.hypervisor = hypervisor;
        this.invept = invept;
    }

    /** The frame the EPT maps a guest page to, or -1 when it maps none. */
    int frameOf(int vm, long gpa) {
        long hpa = hypervisor.mappedAddress(vm, gpa);
        return hpa < 0 ? -1 : HostMemory.frameOf(hpa);
    }

    boolean isShared(int vm, long gpa) {
        int pfn = frameOf(vm, gpa);
        return pfn >= 0 && memory.frame(pfn).use() == FrameUse.SHARED;
    }

    /** Turns a private data frame into a shared one (one reference, read-only). */
    int share(int vm, long gpa) {
        int pfn = frameOf(vm, gpa);
        memory.setFrame(pfn, new Frame(FrameUse.SHARED, 0, 1));
        hypervisor.remap(vm, gpa, HostMemory.addressOf(pfn), READ_EXECUTE);
        return pfn;
    }

    /**
     * Maps {@code gpa} of {@code vm} to the shared frame {@code shared} read-only and frees its
     * private frame. Returns the freed frame.
     */
    int mergeInto(int vm, long gpa, int shared, EventSink sink) {
        int old = frameOf(vm, gpa);
        Frame f = memory.frame(shared);
        memory.setFrame(shared, new Frame(FrameUse.SHARED, 0, f.refs() + 1));
        if (hypervisor.kvm()) {
            hypervisor.hostKernel().invalidate(vm, gpa, InvalidateReason.KSM_MERGE, 0, sink);
        }
        hypervisor.remap(vm, gpa, HostMemory.addressOf(shared), READ_EXECUTE);
        freeFrame(old, sink);
        return old;
    }

    /** Copy-on-write: gives {@code gpa} a private copy of its shared frame. Returns the new frame. */
    int breakSharing(int vm, long gpa, EventSink sink) {
        int shared = frameOf(vm, gpa);
        int copy = memory.allocate(FrameUse.DATA, vm);
        memory.loadPage(copy, memory.page(shared));
        hypervisor.remap(vm, gpa, HostMemory.addressOf(copy), ALL);
        hypervisor.noteBacked(vm, gpa);
        int left = release(shared, sink);
        if (sink.recording()) {
            sink.emit(new FrameAlloc(copy, 1, FrameUse.DATA.name(), vm));
            sink.emit(new CowBreak(vm, gpa & ~0xFFFL, shared, copy, left));
        }
        return copy;
    }

    /**
     * Unmaps {@code gpa} (ballooned or swapped away) and drops its reference to whatever backs
     * it. Returns the host frames that became free (0 for a shared frame others still map).
     */
    int unmap(int vm, long gpa, EventSink sink) {
        long hpa = hypervisor.hostAddress(vm, gpa);
        int pfn = hpa < 0 ? -1 : HostMemory.frameOf(hpa);
        if (pfn < 0) {
            return 0;
        }
        if (hypervisor.ept(vm).pageSize() != PageSize.SIZE_4K) {
            throw new IllegalArgumentException("reclaiming memory one 4 KiB page at a time needs 4K host pages");
        }
        hypervisor.evict(vm, gpa, InvalidateReason.DISCARD, 0, sink);
        if (memory.frame(pfn).use() == FrameUse.SHARED) {
            return release(pfn, sink) == 0 ? 1 : 0;
        }
        freeFrame(pfn, sink);
        return 1;
    }

    /** Drops one reference to a shared frame; returns the references left (0: freed). */
    private int release(int shared, EventSink sink) {
        Frame f = memory.frame(shared);
        if (f.refs() <= 1) {
            freeFrame(shared, sink);
            return 0;
        }
        memory.setFrame(shared, new Frame(FrameUse.SHARED, 0, f.refs() - 1));
        return f.refs() - 1;
    }

    void freeFrame(int pfn, EventSink sink) {
        Frame f = memory.frame(pfn);
        memory.free(pfn);
        if (sink.recording()) {
            sink.emit(new FrameFree(pfn, f.use().name(), f.vm()));
        }
    }
}
