package org.memvirt.engine.vmm;

import java.util.Map;
import java.util.TreeMap;

import java.util.function.IntConsumer;

import org.memvirt.engine.event.EptFill;
import org.memvirt.engine.event.EventSink;
import org.memvirt.engine.event.FrameAlloc;
import org.memvirt.engine.event.InvalidateReason;
import org.memvirt.engine.host.HostKernel;
import org.memvirt.engine.host.HostLookup;
import org.memvirt.engine.host.HypervisorStyle;
import org.memvirt.engine.paging.EptEntry;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.paging.Mapping;
import org.memvirt.engine.paging.PageSize;

/**
 * The hypervisor's memory side: it owns each VM's EPT, backs guest-physical memory with host
 * frames (eagerly or on the first touch) and handles the EPT exits. A guest-physical page need
 * not be backed: its first touch is an EPT violation that the hypervisor serves by allocating a
 * frame, unseen by the guest.
 *
 * <p>Under KVM ({@link HypervisorStyle#KVM}) the hypervisor owns no map of its own: guest RAM is
 * memory of a host process, and an EPT violation asks the {@link HostKernel} for the frame
 * (memslot, the process's page table, a host page fault if needed); the EPT is a cache of that
 * answer, so a zapped entry is rebuilt with the same frame. Under ESX the EPT is the VMM's own
 * P2M map.
 */
public final class Hypervisor {
    /** KVM's MMIO marker: an EPT leaf with W and X but not R, a misconfiguration on purpose. */
    public static final int MMIO_RIGHTS = 6;
    private final HostMemory memory;
    private final HostKernel hostKernel;
    private final HypervisorStyle style;
    private final IntConsumer invept;
    private final Map<Integer, Ept> epts = new TreeMap<>();
    private final Map<Integer, Long> ram = new TreeMap<>();
    private final java.util.ArrayDeque<Long> backingOrder = new java.util.ArrayDeque<>();

    /**
     * A hypervisor managing {@code memory}.
     *
     * @param hostKernel the host kernel whose processes hold guest RAM (asked only under KVM)
     * @param invept     invalidates a VM's EPT-derived translations after an EPT entry is zapped
     */
    public Hypervisor(HostMemory memory, HostKernel hostKernel, HypervisorStyle style, IntConsumer invept) {
        this.memory = memory;
        this.hostKernel = hostKernel;
        this.style = style;
        this.invept = invept;
        hostKernel.setNotifier(this::zap);
    }

    /** KVM or ESX. */
    public HypervisorStyle style() {
        return style;
    }

    /** Whether guest RAM is a host process's memory (KVM) rather than the VMM's own (ESX). */
    public boolean kvm() {
        return style == HypervisorStyle.KVM;
    }

    /** The host kernel (its processes hold guest RAM under KVM). */
    public HostKernel hostKernel() {
        return hostKernel;
    }

    /** Creates the EPT of a VM with {@code ramBytes} of guest-physical memory. */
    public Ept createEpt(int vm, int levels, PageSize pageSize, boolean accessDirty, long ramBytes) {
        Ept ept = new Ept(memory, vm, levels, pageSize, accessDirty);
        epts.put(vm, ept);
        ram.put(vm, ramBytes);
        if (kvm()) {
            hostKernel.createProcess(vm, ramBytes);
        }
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

    /**
     * The host physical address behind {@code gpa}, or -1 when the page is not backed: under KVM
     * by memslot and the process's page table (whatever the EPT caches), under ESX by the P2M.
     */
    public long hostAddress(int vm, long gpa) {
        if (kvm()) {
            return hostKernel.hostAddress(vm, gpa);
        }
        Mapping m = ept(vm).lookup(gpa);
        return m == null ? -1 : m.address();
    }

    /**
     * The host address the EPT maps {@code gpa} to now, or -1: the pages the host's reclaimers
     * (swap, sharing scans, activity sampling) work on. Under ESX the same as {@link #hostAddress};
     * under KVM a page whose EPT entry is zapped is left alone until the guest touches it again.
     */
    public long mappedAddress(int vm, long gpa) {
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
        if (kvm()) {
            HostLookup found = hostKernel.gfnToPfn(vm, gpa, false, size, frameUse, sink, sink.recording());
            if (!found.backed()) {
                throw new IllegalArgumentException(String.format("VM %d has no RAM at GPA 0x%x", vm, gpa));
            }
            fill(vm, base, found, size, sink);
            return found.hpa();
        }
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

    /** Installs the EPT entry for what the host kernel found (read-only if its page is). */
    private void fill(int vm, long base, HostLookup found, PageSize size, EventSink sink) {
        long hpa = found.hpa() & ~size.offsetMask();
        ept(vm).map(base, hpa, size, found.writable() ? 7 : 5);
        if (found.outcome() == HostLookup.Outcome.FAULTED_IN && size == PageSize.SIZE_4K) {
            backingOrder.addLast(key(vm, base));
        }
        if (sink.recording()) {
            sink.emit(new EptFill(vm, base, hpa, size.label()));
        }
    }

    /**
     * The MMU notifier's work: zaps the EPT leaf of {@code gpa} and flushes what the TLB
     * derived from it. Returns whether a present entry was cleared.
     */
    private boolean zap(int vm, long gpa) {
        long old = ept(vm).unmap(gpa);
        invept.accept(vm);
        return EptEntry.present(old);
    }

    /**
     * The page of {@code gpa} now lives in host frame {@code hpa} with EPT rights {@code rwx}
     * (a swap-in, a copy-on-write break, a merge): the EPT entry, and under KVM the process's
     * page-table entry, point at it.
     */
    public void remap(int vm, long gpa, long hpa, int rwx) {
        if (kvm()) {
            hostKernel.setPage(vm, gpa, hpa, (rwx & 2) != 0);
        }
        ept(vm).map(gpa & ~0xFFFL, hpa & ~0xFFFL, PageSize.SIZE_4K, rwx);
        invept.accept(vm);
    }

    /**
     * The page of {@code gpa} loses its frame (swapped out, discarded): under KVM the host
     * kernel's MMU notifier zaps the EPT entry, then the page-table entry becomes
     * {@code replacement} (a swap entry or 0); under ESX the VMM clears its P2M entry.
     */
    public void evict(int vm, long gpa, InvalidateReason reason, long replacement, EventSink sink) {
        if (kvm()) {
            hostKernel.invalidate(vm, gpa, reason, replacement, sink);
        } else {
            zap(vm, gpa & ~0xFFFL);
        }
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
    public ExitResolution onEptViolation(int vm, long gpa, boolean write, EventSink sink) {
        if (kvm()) {
            return kvmViolation(vm, gpa, write, sink);
        }
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

    /**
     * KVM's EPT violation: the memslot (none: install the MMIO marker and emulate), then the
     * host frame behind the HVA (faulted in by the host kernel if not present), then the EPT entry.
     */
    private ExitResolution kvmViolation(int vm, long gpa, boolean write, EventSink sink) {
        Ept ept = ept(vm);
        if (ept.lookup(gpa) != null) {
            return new ExitResolution(ExitResolution.Next.FAILED,
                    String.format("the EPT denies this access to GPA 0x%x and KVM keeps it denied", gpa));
        }
        PageSize size = ept.pageSize();
        long base = gpa & ~size.offsetMask();
        HostLookup found = hostKernel.gfnToPfn(vm, gpa, write, size, FrameUse.DATA, sink, true);
        switch (found.outcome()) {
            case NO_MEMSLOT -> {
                ept.map(gpa & ~0xFFFL, 0, PageSize.SIZE_4K, MMIO_RIGHTS);
                invept.accept(vm);
                return new ExitResolution(ExitResolution.Next.EMULATED, String.format(
                        "no memslot covers GPA 0x%x: installed an MMIO marker entry (W+X without R) and emulated "
                                + "the access", gpa));
            }
            case READ_ONLY_SLOT -> {
                return new ExitResolution(ExitResolution.Next.EMULATED, String.format(
                        "GPA 0x%x is in a read-only memslot: the write exits to the hypervisor process as MMIO", gpa));
            }
            case PRESENT, FAULTED_IN -> {
                fill(vm, base, found, size, sink);
                return new ExitResolution(ExitResolution.Next.RETRY, String.format(
                        "GPA 0x%x is HVA 0x%x, host frame 0x%x%s: EPT entry installed", gpa & ~0xFFFL,
                        found.hva() & ~0xFFFL, found.hpa() & ~0xFFFL,
                        found.outcome() == HostLookup.Outcome.FAULTED_IN ? " (host page fault: zeroed frame)" : ""));
            }
        }
        throw new IllegalStateException("unknown host lookup " + found.outcome());
    }

    /** Whether the EPT leaf for {@code gpa} is KVM's MMIO marker. */
    public boolean isMmioMarker(int vm, long gpa) {
        long leaf = ept(vm).leafEntry(gpa);
        return leaf != 0 && EptEntry.rwx(leaf) == MMIO_RIGHTS && (leaf & EptEntry.ADDRESS_MASK) == 0;
    }

    /** Exit reason 49: KVM marks MMIO pages with a malformed entry on purpose and emulates the access. */
    public ExitResolution onEptMisconfig(int vm, long gpa) {
        if (kvm() && isMmioMarker(vm, gpa)) {
            return new ExitResolution(ExitResolution.Next.EMULATED, String.format(
                    "the entry is KVM's MMIO marker: emulated the MMIO access to GPA 0x%x without a memslot lookup",
                    gpa));
        }
        return new ExitResolution(ExitResolution.Next.EMULATED,
                String.format("emulated the MMIO access to GPA 0x%x", gpa));
    }
}
