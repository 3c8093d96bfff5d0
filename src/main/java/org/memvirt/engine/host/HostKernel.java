package org.memvirt.engine.host;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.memvirt.engine.event.Counters;
import org.memvirt.engine.event.EventSink;
import org.memvirt.engine.event.FrameAlloc;
import org.memvirt.engine.event.HostFaultKind;
import org.memvirt.engine.event.HostPageFault;
import org.memvirt.engine.event.HostTableRead;
import org.memvirt.engine.event.InvalidateReason;
import org.memvirt.engine.event.MemslotLookup;
import org.memvirt.engine.event.MmuNotifierInvalidate;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;

/**
 * The host operating system under KVM: it runs one hypervisor process per VM, keeps that
 * process's page table (HVA → HPA), serves its page faults with zeroed frames or swap-ins, and
 * before it takes a page away (swap-out, KSM merge, discard) it calls the MMU notifier KVM
 * registered, so that the EPT entries derived from the page are zapped first. What KVM asks of it
 * on an EPT violation is {@link #gfnToPfn}: memslot, page-table walk, fault if needed.
 */
public final class HostKernel {
    /** Process ids of the hypervisor processes start here (VM n runs as pid FIRST_PID + n). */
    public static final int FIRST_PID = 1000;
    private final HostMemory memory;
    private final Counters counters;
    private final Map<Integer, HypervisorProcess> processes = new TreeMap<>();
    private MmuNotifier notifier = (vm, gpa) -> false;

    /** The host kernel of {@code memory}; its software walks count in {@code counters}. */
    public HostKernel(HostMemory memory, Counters counters) {
        this.memory = memory;
        this.counters = counters;
    }

    /** KVM registers its notifier (one for all VMs here; Linux has one per VM's mm). */
    public void setNotifier(MmuNotifier mmuNotifier) {
        this.notifier = mmuNotifier;
    }

    /**
     * Starts the hypervisor process of {@code vm} with one memslot covering its RAM from guest
     * frame 0, mapped at {@link HypervisorProcess#USER_BASE} + (vm − 1) · 64 GiB.
     */
    public HypervisorProcess createProcess(int vm, long ramBytes) {
        long user = HypervisorProcess.USER_BASE + ((long) (vm - 1) << 36);
        var process = new HypervisorProcess(memory, FIRST_PID + vm, vm,
                List.of(new Memslot(0, 0, ramBytes >>> 12, user, false)));
        processes.put(vm, process);
        return process;
    }

    /** The process of {@code vm}. */
    public HypervisorProcess process(int vm) {
        HypervisorProcess p = processes.get(vm);
        if (p == null) {
            throw new IllegalArgumentException("no hypervisor process for VM " + vm);
        }
        return p;
    }

    /** The processes, for the views. */
    public List<HostProcessImage> images() {
        return processes.values().stream().map(HypervisorProcess::image).toList();
    }

    /** The host address behind {@code gpa} by memslot and page table, silently; -1 when none. */
    public long hostAddress(int vm, long gpa) {
        HypervisorProcess p = process(vm);
        Memslot slot = p.memslot(gpa);
        if (slot == null) {
            return -1;
        }
        var m = p.table().lookup(slot.hva(gpa));
        return m == null ? -1 : m.address();
    }

    /** The raw last-level entry for {@code gpa}'s page (0 when none: never touched). */
    public long leafEntry(int vm, long gpa) {
        HypervisorProcess p = process(vm);
        Memslot slot = p.memslot(gpa);
        if (slot == null) {
            return 0;
        }
        long hva = slot.hva(gpa);
        for (int level = 1; level <= 3; level++) {
            long at = p.table().entryAddress(hva, level);
            if (at >= 0) {
                return memory.readWord(at);
            }
        }
        return 0;
    }

    /**
     * KVM's gfn-to-pfn: the memslot of {@code gpa}, then the process's page table walked in
     * software (one {@link HostTableRead} per entry, counted as {@code hostPtRefs}); a page not
     * present is faulted in with zeroed frames of {@code size}.
     *
     * @param counted whether the walk and the fault count (false while building the initial state)
     */
    public HostLookup gfnToPfn(int vm, long gpa, boolean write, PageSize size, FrameUse use, EventSink sink,
                               boolean counted) {
        HypervisorProcess p = process(vm);
        Memslot slot = p.memslot(gpa);
        if (sink.recording()) {
            sink.emit(new MemslotLookup(vm, gpa, slot == null ? -1 : slot.id(), slot == null ? -1 : slot.hva(gpa)));
        }
        if (slot == null) {
            return new HostLookup(HostLookup.Outcome.NO_MEMSLOT, -1, -1, false);
        }
        long hva = slot.hva(gpa);
        if (write && slot.readOnly()) {
            return new HostLookup(HostLookup.Outcome.READ_ONLY_SLOT, hva, -1, false);
        }
        long leaf = walk(p, hva, sink, counted);
        if (X86Entry.present(leaf)) {
            return new HostLookup(HostLookup.Outcome.PRESENT, hva, hostAddress(vm, gpa), X86Entry.writable(leaf));
        }
        if (counted) {
            counters.hostPageFault();
        }
        long pageHva = hva & ~size.offsetMask();
        int pfn = memory.allocateAligned(size.frames(), use, vm);
        p.table().map(pageHva, HostMemory.addressOf(pfn), size, HypervisorProcess.WRITABLE);
        if (sink.recording()) {
            sink.emit(new FrameAlloc(pfn, size.frames(), use.name(), vm));
            sink.emit(new HostPageFault(vm, p.pid(), pageHva, slot.gpa(pageHva), HostFaultKind.ZERO_FILL, pfn));
        }
        return new HostLookup(HostLookup.Outcome.FAULTED_IN, hva, HostMemory.addressOf(pfn) | (hva & size.offsetMask()),
                true);
    }

    /**
     * The host kernel reads a swapped-out page of the process back into frame {@code pfn}
     * (already filled by the swap device): the fault KVM's gfn-to-pfn takes on a swap entry.
     */
    public void swapIn(int vm, long gpa, int pfn, EventSink sink) {
        HypervisorProcess p = process(vm);
        Memslot slot = p.memslot(gpa);
        long hva = slot.hva(gpa) & ~0xFFFL;
        if (sink.recording()) {
            sink.emit(new MemslotLookup(vm, gpa, slot.id(), slot.hva(gpa)));
        }
        walk(p, hva, sink, true);
        counters.hostPageFault();
        setPage(vm, gpa, HostMemory.addressOf(pfn), true);
        if (sink.recording()) {
            sink.emit(new HostPageFault(vm, p.pid(), hva, gpa & ~0xFFFL, HostFaultKind.SWAP_IN, pfn));
        }
    }

    /** Points the 4 KiB page of {@code gpa} at {@code hpa} (after a copy-on-write, a merge, a swap-in). */
    public void setPage(int vm, long gpa, long hpa, boolean writable) {
        HypervisorProcess p = process(vm);
        long hva = p.memslot(gpa).hva(gpa) & ~0xFFFL;
        p.table().map(hva, hpa & ~0xFFFL, PageSize.SIZE_4K,
                writable ? HypervisorProcess.WRITABLE : HypervisorProcess.READ_ONLY);
    }

    /**
     * The host kernel takes the page of {@code gpa} away from the process: the MMU notifier
     * first (KVM zaps the EPT entry), then the page-table entry becomes {@code replacement}
     * (a swap entry, or 0 for a discarded page).
     */
    public void invalidate(int vm, long gpa, InvalidateReason reason, long replacement, EventSink sink) {
        HypervisorProcess p = process(vm);
        Memslot slot = p.memslot(gpa);
        long hva = slot.hva(gpa) & ~0xFFFL;
        boolean zapped = notifier.invalidate(vm, gpa & ~0xFFFL);
        if (sink.recording()) {
            sink.emit(new MmuNotifierInvalidate(vm, p.pid(), hva, gpa & ~0xFFFL, reason, zapped));
        }
        long at = p.table().entryAddress(hva, 1);
        if (at >= 0) {
            memory.writeWord(at, replacement);
        }
    }

    /**
     * A swap entry as the non-present page-table entry holds it: P clear, the swap slot
     * (plus one, so that slot 0 is not an empty entry) from bit 12. Linux packs swap type and
     * an inverted offset instead; the point taught is the same: not present, but not empty.
     */
    public static long swapEntry(int slot) {
        return ((long) slot + 1) << 12;
    }

    /** The software walk: one event and one {@code hostPtRefs} per entry read; returns the last entry read. */
    private long walk(HypervisorProcess p, long hva, EventSink sink, boolean counted) {
        long table = p.pageTableRoot();
        long e = 0;
        for (int level = 4; level >= 1; level--) {
            int index = Levels.index(hva, level);
            long at = table + 8L * index;
            e = memory.readWord(at);
            if (counted) {
                counters.hostPtRef();
            }
            if (sink.recording()) {
                sink.emit(new HostTableRead(p.vm(), p.pid(), hva, level, table, index, at, e, X86Entry.present(e)));
            }
            if (!X86Entry.present(e) || X86Entry.isLeaf(e, level)) {
                return e;
            }
            table = X86Entry.address(e, level);
        }
        return e;
    }
}
