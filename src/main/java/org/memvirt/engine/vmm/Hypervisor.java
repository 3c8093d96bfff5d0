package org.memvirt.engine.vmm;

import java.util.Map;
import java.util.TreeMap;

import org.memvirt.engine.event.EptFill;
import org.memvirt.engine.event.EventSink;
import org.memvirt.engine.event.FrameAlloc;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.paging.Mapping;
import org.memvirt.engine.paging.PageSize;

/**
 * The hypervisor's memory side: it owns each VM's EPT, backs guest-physical memory with host
 * frames (eagerly or on the first touch) and handles the EPT exits. A guest-physical page need
 * not be backed: its first touch is an EPT violation that the hypervisor serves by allocating a
 * frame, unseen by the guest.
 */
public final class Hypervisor {
    private final HostMemory memory;
    private final Map<Integer, Ept> epts = new TreeMap<>();
    private final Map<Integer, Long> ram = new TreeMap<>();
    private final java.util.ArrayDeque<Long> backingOrder = new java.util.ArrayDeque<>();

    /** A hypervisor managing {@code memory}. */
    public Hypervisor(HostMemory memory) {
        this.memory = memory;
    }

    /** Creates the EPT of a VM with {@code ramBytes} of guest-physical memory. */
    public Ept createEpt(int vm, int levels, PageSize pageSize, boolean accessDirty, long ramBytes) {
        Ept ept = new Ept(memory, vm, levels, pageSize, accessDirty);
        epts.put(vm, ept);
        ram.put(vm, ramBytes);
        return ept;
    }

    /** The EPT of a VM. */
    public Ept ept(int vm) {
        Ept ept = epts.get(vm);
        if (ept == null) {
            throw new IllegalArgumentException("no VM " + vm);
        }
        return ept;
    }

    /** Bytes of guest-physical memory (RAM) the VM was given. */
    public long ramBytes(int vm) {
        return ram.get(vm);
    }

    /** The host physical address behind {@code gpa}, or -1 when the page is not backed. */
    public long hostAddress(int vm, long gpa) {
        Mapping m = ept(vm).lookup(gpa);
        return m == null ? -1 : m.address();
    }

    /**
     * Backs the guest-physical page holding {@code gpa} (a whole host page: 4 KiB, 2 MiB or
     * 1 GiB) with fresh zeroed frames and maps it in the EPT. Already backed: nothing happens.
     *
     * @return the host physical address of {@code gpa}
     */
    public long back(int vm, long gpa, FrameUse use, EventSink sink) {
        Ept ept = ept(vm);
        Mapping existing = ept.lookup(gpa);
        if (existing != null) {
            return existing.address();
        }
        PageSize size = ept.pageSize();
        long base = gpa & ~size.offsetMask();
        FrameUse frameUse = size == PageSize.SIZE_4K ? use : FrameUse.DATA;
        int pfn = memory.allocateAligned(size.frames(), frameUse, vm);
        long hpa = HostMemory.addressOf(pfn);
        ept.map(base, hpa, size, 7);
        if (size == PageSize.SIZE_4K) {
            backingOrder.addLast(key(vm, base));
        }
        if (sink.recording()) {
            sink.emit(new FrameAlloc(pfn, size.frames(), frameUse.name(), vm));
            sink.emit(new EptFill(vm, base, hpa, size.label()));
        }
        return hpa | (gpa & size.offsetMask());
    }

    /**
     * Guest pages in the order they were backed (oldest first), as (vm, gpa) keys: what FIFO and
     * clock swapping walk. Entries may be stale (the page was freed since); callers check.
     */
    public java.util.ArrayDeque<Long> backingOrder() {
        return backingOrder;
    }

    /** Records that a page was backed again (after a swap-in or a copy-on-write break). */
    public void noteBacked(int vm, long gpa) {
        backingOrder.addLast(key(vm, gpa & ~0xFFFL));
    }

    /** A (vm, gpa) pair packed in one long: VM in the top 12 bits. */
    public static long key(int vm, long gpa) {
        return ((long) vm << 52) | (gpa >>> 12);
    }

    /** The VM of a {@link #key}. */
    public static int vmOfKey(long key) {
        return (int) (key >>> 52);
    }

    /** The guest-physical page of a {@link #key}. */
    public static long gpaOfKey(long key) {
        return (key & ((1L << 52) - 1)) << 12;
    }

    /** The VM numbers. */
    public java.util.Set<Integer> vms() {
        return epts.keySet();
    }

    /**
     * Exit reason 48. An unbacked page of guest RAM is demand-paged in; an address beyond RAM
     * has no memory behind it and is emulated as unassigned MMIO; a backed page whose EPT
     * rights deny the access stays denied.
     */
    public ExitResolution onEptViolation(int vm, long gpa, EventSink sink) {
        if (Long.compareUnsigned(gpa, ramBytes(vm)) >= 0) {
            return new ExitResolution(ExitResolution.Next.EMULATED,
                    String.format("no RAM at GPA 0x%x: emulated as an unassigned MMIO access", gpa));
        }
        if (ept(vm).lookup(gpa) == null) {
            long hpa = back(vm, gpa, FrameUse.DATA, sink);
            return new ExitResolution(ExitResolution.Next.RETRY,
                    String.format("backed GPA 0x%x with host frame 0x%x (demand paging)", gpa & ~0xFFFL,
                            hpa & ~0xFFFL));
        }
        return new ExitResolution(ExitResolution.Next.FAILED,
                String.format("the EPT denies this access to GPA 0x%x and the hypervisor keeps it denied", gpa));
    }

    /** Exit reason 49: KVM marks MMIO pages with a malformed entry on purpose and emulates the access. */
    public ExitResolution onEptMisconfig(int vm, long gpa) {
        return new ExitResolution(ExitResolution.Next.EMULATED,
                String.format("emulated the MMIO access to GPA 0x%x", gpa));
    }
}
