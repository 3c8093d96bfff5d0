package org.memvirt.engine.reclaim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

import org.memvirt.engine.event.Counters;
import org.memvirt.engine.event.EventSink;
import org.memvirt.engine.event.FrameAlloc;
import org.memvirt.engine.event.FrameFree;
import org.memvirt.engine.guest.BalloonDriver;
import org.memvirt.engine.guest.GuestCpu;
import org.memvirt.engine.memory.Frame;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.vmm.Hypervisor;

/**
 * The hypervisor's memory reclamation, the second half of the lecture and of Waldspurger's
 * paper: host swapping, the host side of ballooning, content-based sharing with copy-on-write,
 * and share-based allocation with an idle memory tax that decides, under pressure, which VM
 * gives memory up and (by the free-memory state) whether by ballooning or by swapping.
 */
public final class Reclaimer implements BalloonDriver.BalloonHost {
    private static final int BATCH = 32;
    private final HostMemory memory;
    private final Hypervisor hypervisor;
    private final ReclaimConfig config;
    private final IntConsumer invept;
    private final SharedFrames shared;
    private final HostSwap swap;
    private final SharingScanner scanner;
    private final Random random;
    private final Map<Integer, ActivityEstimate> activity = new LinkedHashMap<>();
    private final Map<Long, Long> sampled = new LinkedHashMap<>();
    private final Map<Long, Boolean> touched = new LinkedHashMap<>();
    private final List<Integer> hostFrames = new ArrayList<>();
    private IntFunction<BalloonDriver> balloons = vm -> null;
    private IntFunction<GuestCpu> cpus = vm -> null;

    /**
     * @param invept invalidates a VM's EPT-derived translations (INVEPT) after an EPT change
     */
    public Reclaimer(HostMemory memory, Hypervisor hypervisor, ReclaimConfig config, Counters counters,
                     IntConsumer invept, long seed) {
        this.memory = memory;
        this.hypervisor = hypervisor;
        this.config = config;
        this.invept = invept;
        this.shared = new SharedFrames(memory, hypervisor, invept);
        this.swap = new HostSwap(memory, hypervisor, shared, counters, invept, config.swapPolicy(), seed);
        this.scanner = config.sharing() == SharingPolicy.ESX
                ? new EsxSharing(memory, shared, config, hypervisor)
                : new KsmSharing(memory, shared, config, hypervisor);
        this.random = new Random(seed ^ 0x1D1E_7A75L);
        for (int vm : hypervisor.vms()) {
            activity.put(vm, ActivityEstimate.UNSAMPLED);
        }
    }

    /**
     * Tells the reclaimer where each VM's balloon driver is, and the guest CPU the driver's
     * allocations run on (they may make the guest swap its own pages).
     */
    public void setGuests(IntFunction<BalloonDriver> drivers, IntFunction<GuestCpu> guestCpus) {
        this.balloons = drivers;
        this.cpus = guestCpus;
    }

    public ReclaimConfig config() {
        return config;
    }

    // ---- touches and exits ----

    /** Whether a fault on {@code gpa} is the reclaimer's: a host-swapped page or an activity sample. */
    public boolean owns(int vm, long gpa) {
        return swap.isSwapped(vm, gpa) || sampled.containsKey(Hypervisor.key(vm, gpa & ~0xFFFL));
    }

    /** Whether a write to {@code gpa} hits a shared (copy-on-write) frame. */
    public boolean isShared(int vm, long gpa) {
        return shared.isShared(vm, gpa);
    }

    /**
     * Serves an EPT violation on a page the reclaimer took away: a swapped page is read back, a
     * sampled page is mapped again and counted as touched. Returns what happened, in words.
     */
    public String restore(int vm, long gpa, EventSink sink) {
        long key = Hypervisor.key(vm, gpa & ~0xFFFL);
        Long hpa = sampled.remove(key);
        if (hpa != null) {
            hypervisor.ept(vm).map(gpa & ~0xFFFL, hpa, PageSize.SIZE_4K, sharedRights(hpa));
            invept.accept(vm);
            touched.put(key, true);
            return String.format("GPA 0x%x was an idle-memory sample: mapped again and counted as touched",
                    gpa & ~0xFFFL);
        }
        long back = swap.swapIn(vm, gpa, sink);
        return String.format("read GPA 0x%x back from host swap into frame 0x%x", gpa & ~0xFFFL, back & ~0xFFFL);
    }

    /** Copy-on-write break for a store to a shared page; returns what happened, in words. */
    public String breakSharing(int vm, long gpa, EventSink sink) {
        int frame = shared.breakSharing(vm, gpa, sink);
        return String.format("copy-on-write: GPA 0x%x now has its own frame 0x%x", gpa & ~0xFFFL,
                HostMemory.addressOf(frame));
    }

    /** The word at an unbacked {@code gpa}: its swapped-out contents, or zero. */
    public long peek(int vm, long gpa) {
        return swap.peek(vm, gpa);
    }

    // ---- actions ----

    /** The host swaps out {@code pages} of {@code vm} chosen by its policy; returns frames freed. */
    public int swapOut(int vm, int pages, EventSink sink) {
        requireSmallPages(vm);
        return swap.swapOut(vm, pages, sink);
    }

    /** Runs the sharing scanner for {@code seconds}; returns pages scanned. */
    public int scan(double seconds, EventSink sink) {
        for (int vm : hypervisor.vms()) {
            requireSmallPages(vm);
        }
        return scanner.scan(seconds, sink);
    }

    /**
     * Ends an activity period and starts the next: for each VM, f = t/n over the pages sampled
     * last period (t of them touched since), then n new random pages have their mappings
     * invalidated, so that the next touch of each is seen.
     */
    public void sampleActivity(EventSink sink) {
        Map<Integer, int[]> counts = new LinkedHashMap<>();
        for (Map.Entry<Long, Long> e : sampled.entrySet()) {
            int vm = Hypervisor.vmOfKey(e.getKey());
            hypervisor.ept(vm).map(Hypervisor.gpaOfKey(e.getKey()), e.getValue(), PageSize.SIZE_4K,
                    sharedRights(e.getValue()));
            invept.accept(vm);
            counts.computeIfAbsent(vm, v -> new int[2])[1]++;
        }
        for (long key : touched.keySet()) {
            counts.computeIfAbsent(Hypervisor.vmOfKey(key), v -> new int[2])[0]++;
            counts.get(Hypervisor.vmOfKey(key))[1]++;
        }
        for (Map.Entry<Integer, int[]> c : counts.entrySet()) {
            activity.put(c.getKey(), activity.get(c.getKey()).next(c.getValue()[0], c.getValue()[1]));
        }
        sampled.clear();
        touched.clear();
        for (int vm : hypervisor.vms()) {
            requireSmallPages(vm);
            List<Long> resident = residentPages(vm);
            for (int i = 0; i < config.sampleSize() && !resident.isEmpty(); i++) {
                long gpa = resident.remove(random.nextInt(resident.size()));
                long hpa = hypervisor.mappedAddress(vm, gpa);
                hypervisor.ept(vm).unmap(gpa);
                sampled.put(Hypervisor.key(vm, gpa), hpa);
            }
            invept.accept(vm);
        }
    }

    /**
     * The host takes {@code frames} frames for itself, then reclaims from the VMs until free
     * memory is back in the high state: from the VM with the lowest ρ each round, by ballooning
     * in the soft state (swapping where the balloon gives nothing) and by swapping below it.
     * Returns frames reclaimed from VMs.
     */
    public int pressure(int frames, EventSink sink) {
        for (int i = 0; i < frames; i++) {
            int pfn = memory.allocate(FrameUse.HOST, 0);
            hostFrames.add(pfn);
            if (sink.recording() && i == 0) {
                sink.emit(new FrameAlloc(pfn, frames, FrameUse.HOST.name(), 0));
            }
        }
        return reclaimToHigh(sink);
    }

    /** The host gives back {@code frames} of the frames it took. */
    public void release(int frames, EventSink sink) {
        for (int i = 0; i < frames && !hostFrames.isEmpty(); i++) {
            int pfn = hostFrames.remove(hostFrames.size() - 1);
            memory.free(pfn);
            if (sink.recording()) {
                sink.emit(new FrameFree(pfn, FrameUse.HOST.name(), 0));
            }
        }
    }

    /** Reclaims until the high state or until nothing more can be had; returns frames freed. */
    public int reclaimToHigh(EventSink sink) {
        int reclaimed = 0;
        for (int round = 0; round < 100_000; round++) {
            MemoryState state = state();
            if (state == MemoryState.HIGH) {
                break;
            }
            int victim = lowestRho();
            if (victim < 0) {
                break;
            }
            int want = (int) Math.min(BATCH, MemoryState.framesToHigh(memory.freeFrames(), memory.frameCount()));
            int freed = 0;
            BalloonDriver balloon = balloons.apply(victim);
            if (state == MemoryState.SOFT && balloon != null) {
                long before = memory.freeFrames();
                balloon.setTarget(balloon.size() + want, cpus.apply(victim), sink);
                freed = (int) (memory.freeFrames() - before);
            }
            if (freed == 0) {
                freed = swapOut(victim, want, sink);
            }
            if (freed == 0) {
                break;
            }
            reclaimed += freed;
        }
        return reclaimed;
    }

    // ---- balloon host side ----

    @Override
    public int inflated(int vm, List<Long> gpas, EventSink sink) {
        int freed = 0;
        for (long gpa : gpas) {
            long key = Hypervisor.key(vm, gpa);
            if (swap.isSwapped(vm, gpa)) {
                swap.discard(vm, gpa);
            } else if (sampled.containsKey(key)) {
                long hpa = sampled.remove(key);
                hypervisor.ept(vm).map(gpa, hpa, PageSize.SIZE_4K, sharedRights(hpa));
                freed += shared.unmap(vm, gpa, sink);
            } else {
                freed += shared.unmap(vm, gpa, sink);
            }
        }
        return freed;
    }

    @Override
    public void deflated(int vm, List<Long> gpas, EventSink sink) {
        // the pages stay unbacked; the guest's first touch of each is backed with a zeroed frame
    }

    // ---- figures ----

    /** The current free-memory state. */
    public MemoryState state() {
        return MemoryState.of(memory.freeFrames(), memory.frameCount());
    }

    /** f, the estimated active fraction of a VM's memory. */
    public double activeFraction(int vm) {
        return activity.get(vm).active();
    }

    /** P, the pages a VM has allocated: host frames holding its own data and tables. */
    public long allocatedPages(int vm) {
        return memory.privateFrames(vm);
    }

    /** ρ of a VM now. */
    public double sharesPerPage(int vm) {
        return IdleMemoryTax.sharesPerPage(config.sharesOf(vm), allocatedPages(vm), activeFraction(vm),
                config.taxRate());
    }

    /** The VM memory would be taken from first: lowest ρ among VMs with pages; -1 if none. */
    public int lowestRho() {
        int best = -1;
        double bestRho = Double.POSITIVE_INFINITY;
        for (int vm : hypervisor.vms()) {
            double rho = sharesPerPage(vm);
            if (rho < bestRho) {
                bestRho = rho;
                best = vm;
            }
        }
        return best;
    }

    /** Frames in the shared, copy-on-write state. */
    public long sharedFrames() {
        return memory.sharedFrames();
    }

    /** Frames sharing saved: every reference to a shared frame beyond the first. */
    public long framesSaved() {
        return memory.framesSaved();
    }

    /** Pages of a VM in host swap. */
    public int swappedPages(int vm) {
        return swap.swappedPages(vm);
    }

    /** Completed full passes of the sharing scanner. */
    public int fullScans() {
        return scanner.fullScans();
    }

    /** Frames the host took for itself. */
    public int hostFrames() {
        return hostFrames.size();
    }

    /** Pages held back as activity samples (unmapped but still owned), by VM and GPA key. */
    public Map<Long, Long> heldSamples() {
        return Map.copyOf(sampled);
    }

    private List<Long> residentPages(int vm) {
        List<Long> pages = new ArrayList<>();
        long seen = -1;
        for (long key : new java.util.TreeSet<>(hypervisor.backingOrder())) {
            if (Hypervisor.vmOfKey(key) != vm || key == seen) {
                continue;
            }
            seen = key;
            long gpa = Hypervisor.gpaOfKey(key);
            long hpa = hypervisor.mappedAddress(vm, gpa);
            if (hpa >= 0 && memory.frame(HostMemory.frameOf(hpa)).use() == FrameUse.DATA) {
                pages.add(gpa);
            }
        }
        return pages;
    }

    private int sharedRights(long hpa) {
        return memory.frame(HostMemory.frameOf(hpa)).use() == FrameUse.SHARED ? SharedFrames.READ_EXECUTE
                : SharedFrames.ALL;
    }

    private void requireSmallPages(int vm) {
        if (hypervisor.ept(vm).pageSize() != PageSize.SIZE_4K) {
            throw new IllegalArgumentException("memory reclamation works page by page: it needs 4K host pages, "
                    + "not " + hypervisor.ept(vm).pageSize());
        }
    }
}
