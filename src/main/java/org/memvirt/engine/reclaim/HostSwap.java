package org.memvirt.engine.reclaim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

import org.memvirt.engine.event.Counters;
import org.memvirt.engine.event.EventSink;
import org.memvirt.engine.event.EptFill;
import org.memvirt.engine.event.FrameAlloc;
import org.memvirt.engine.event.InvalidateReason;
import org.memvirt.engine.event.SwapIn;
import org.memvirt.engine.event.SwapOut;
import org.memvirt.engine.event.Swapper;
import org.memvirt.engine.host.HostKernel;
import org.memvirt.engine.memory.Frame;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.memory.Page;
import org.memvirt.engine.paging.EptEntry;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.vmm.Hypervisor;

/**
 * Uncooperative swapping: the host writes guest pages it picks to its own swap device and frees
 * their frames; the guest is not told. The next touch of such a page is an EPT violation the
 * host serves by reading it back (a hidden fault). The host cannot know which pages the guest
 * values, so it may well pick one the guest is about to use, or about to swap out itself.
 */
final class HostSwap {
    private final HostMemory memory;
    private final Hypervisor hypervisor;
    private final SharedFrames shared;
    private final Counters counters;
    private final IntConsumer invept;
    private final SwapPolicy policy;
    private final Random random;
    private final Map<Long, Slot> swapped = new HashMap<>();
    private int nextSlot;

    private record Slot(int number, Page contents, FrameUse use) {
    }

    HostSwap(HostMemory memory, Hypervisor hypervisor, SharedFrames shared, Counters counters, IntConsumer invept,
             SwapPolicy policy, long seed) {
        this.memory = memory;
        this.hypervisor = hypervisor;
        this.shared = shared;
        this.counters = counters;
        this.invept = invept;
        this.policy = policy;
        this.random = new Random(seed ^ 0x5A5A_5A5AL);
    }

    boolean isSwapped(int vm, long gpa) {
        return swapped.containsKey(Hypervisor.key(vm, gpa & ~0xFFFL));
    }

    /** Guest pages of {@code vm} in host swap. */
    int swappedPages(int vm) {
        int n = 0;
        for (long key : swapped.keySet()) {
            if (Hypervisor.vmOfKey(key) == vm) {
                n++;
            }
        }
        return n;
    }

    /** The word at {@code gpa} as it sits in swap. */
    long peek(int vm, long gpa) {
        Slot s = swapped.get(Hypervisor.key(vm, gpa & ~0xFFFL));
        return s == null ? 0 : s.contents().word((int) ((gpa & 0xFFF) >>> 3));
    }

    /** Forgets a swapped page the guest no longer needs (it went into the balloon). */
    void discard(int vm, long gpa) {
        swapped.remove(Hypervisor.key(vm, gpa & ~0xFFFL));
    }

    /** Swaps out up to {@code count} pages of {@code vm} chosen by the policy; returns frames freed. */
    int swapOut(int vm, int count, EventSink sink) {
        int freed = 0;
        for (int i = 0; i < count; i++) {
            long gpa = pickVictim(vm);
            if (gpa < 0) {
                break;
            }
            freed += swapOutPage(vm, gpa, sink);
        }
        return freed;
    }

    private int swapOutPage(int vm, long gpa, EventSink sink) {
        int pfn = shared.frameOf(vm, gpa);
        Frame f = memory.frame(pfn);
        Slot slot = new Slot(nextSlot++, memory.page(pfn).copy(0), f.use());
        swapped.put(Hypervisor.key(vm, gpa), slot);
        hypervisor.evict(vm, gpa, InvalidateReason.SWAP_OUT, HostKernel.swapEntry(slot.number()), sink);
        shared.freeFrame(pfn, sink);
        counters.swapOut();
        if (sink.recording()) {
            sink.emit(new SwapOut(vm, gpa, -1, pfn, slot.number(), Swapper.HOST));
        }
        return 1;
    }

    /** Reads a swapped page back into a fresh frame and maps it; returns its host address. */
    long swapIn(int vm, long gpa, EventSink sink) {
        long base = gpa & ~0xFFFL;
        Slot slot = swapped.remove(Hypervisor.key(vm, base));
        int pfn = memory.allocate(slot.use(), vm);
        memory.loadPage(pfn, slot.contents());
        if (sink.recording()) {
            sink.emit(new FrameAlloc(pfn, 1, slot.use().name(), vm));
        }
        if (hypervisor.kvm()) {
            hypervisor.hostKernel().swapIn(vm, base, pfn, sink);
        }
        hypervisor.remap(vm, base, HostMemory.addressOf(pfn), SharedFrames.ALL);
        hypervisor.noteBacked(vm, base);
        counters.swapIn();
        if (sink.recording()) {
            sink.emit(new SwapIn(vm, base, -1, pfn, slot.number(), Swapper.HOST));
            sink.emit(new EptFill(vm, base, HostMemory.addressOf(pfn), PageSize.SIZE_4K.label()));
        }
        return HostMemory.addressOf(pfn) | (gpa & 0xFFF);
    }

    /** A victim by the policy: a private, resident 4 KiB page of {@code vm}, or -1. */
    private long pickVictim(int vm) {
        ArrayDeque<Long> order = hypervisor.backingOrder();
        if (policy == SwapPolicy.RANDOM) {
            List<Long> candidates = new ArrayList<>();
            for (long key : order) {
                if (Hypervisor.vmOfKey(key) == vm && isCandidate(vm, Hypervisor.gpaOfKey(key))
                        && !candidates.contains(key)) {
                    candidates.add(key);
                }
            }
            return candidates.isEmpty() ? -1 : Hypervisor.gpaOfKey(candidates.get(random.nextInt(candidates.size())));
        }
        int rounds = 2 * order.size() + 1;
        for (int i = 0; i < rounds && !order.isEmpty(); i++) {
            long key = order.pollFirst();
            long gpa = Hypervisor.gpaOfKey(key);
            if (!isCandidate(Hypervisor.vmOfKey(key), gpa)) {
                continue;
            }
            if (Hypervisor.vmOfKey(key) != vm) {
                order.addLast(key);
                continue;
            }
            if (policy == SwapPolicy.CLOCK && hypervisor.ept(vm).testAndClearAccessed(gpa)) {
                invept.accept(vm);
                order.addLast(key);
                continue;
            }
            return gpa;
        }
        return -1;
    }

    private boolean isCandidate(int vm, long gpa) {
        long leaf = hypervisor.ept(vm).leafEntry(gpa);
        if (!EptEntry.present(leaf)) {
            return false;
        }
        Frame f = memory.frame(HostMemory.frameOf(EptEntry.address(leaf, 1)));
        return f.vm() == vm && (f.use() == FrameUse.DATA || f.use() == FrameUse.GUEST_TABLE);
    }
}
