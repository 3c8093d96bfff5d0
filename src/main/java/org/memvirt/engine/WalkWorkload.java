package org.memvirt.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.MmuConfig;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;
import org.memvirt.engine.vmm.ShadowPolicy;

/**
 * The {@code walk} command's machine and workload: Q processes, each with its own guest tables
 * over the same P pages, and N reads spread round-robin over the pages, switching CR3 to the
 * next process every K accesses. Memory is backed before the run, so the counts are those of
 * the walks themselves. The run is in counting mode: no event objects are built.
 */
public final class WalkWorkload {
    /** Where the working set starts: canonical under 4- and 5-level paging, room for 4096 GiB pages. */
    public static final long BASE_VA = 0x0000_4000_0000_0000L;
    private static final long FLAGS = X86Entry.P | X86Entry.RW | X86Entry.US;

    private final WalkSpec spec;
    private final Machine machine;
    private final int vm;
    private final long[] addresses;

    /** Builds the machine, the processes' tables and the backing for every page accessed. */
    public WalkWorkload(WalkSpec spec) {
        this.spec = spec;
        this.vm = spec.mode() == PagingMode.NATIVE ? 0 : 1;
        this.machine = new Machine(configFor(spec));
        Random random = new Random(spec.seed());
        this.addresses = new long[spec.pages()];
        List<Long> pageBases = new ArrayList<>();
        for (int p = 0; p < spec.processes(); p++) {
            int pid = machine.createProcess(vm);
            for (int i = 0; i < spec.pages(); i++) {
                long gva = BASE_VA + (long) i * spec.guestPage().bytes();
                if (p == 0) {
                    pageBases.add(machine.mapPage(vm, pid, gva, spec.guestPage(), FLAGS));
                    addresses[i] = gva + (random.nextLong() & spec.guestPage().offsetMask() & ~7L);
                } else {
                    machine.mapPageTo(vm, pid, gva, pageBases.get(i), spec.guestPage(), FLAGS);
                }
            }
        }
        for (int i = 0; i < spec.pages(); i++) {
            machine.backGuestPhysical(vm, pageBases.get(i) + (addresses[i] & spec.guestPage().offsetMask()));
        }
        machine.setCurrentProcess(vm, 1);
    }

    /** Runs the N accesses and reports the counters and the rate. */
    public WalkReport run() {
        long start = System.nanoTime();
        int pid = 1;
        for (long i = 0; i < spec.accesses(); i++) {
            if (spec.processes() > 1 && i > 0 && i % spec.switchEvery() == 0) {
                pid = pid % spec.processes() + 1;
                machine.run(new Action.SwitchProcess(vm, pid));
            }
            machine.access(vm, addresses[(int) (i % spec.pages())], AccessKind.READ, Privilege.USER);
        }
        long nanos = Math.max(1, System.nanoTime() - start);
        CounterSnapshot counters = machine.snapshot().counters();
        return new WalkReport(spec, counters, spec.accesses() * 1e9 / nanos);
    }

    /** One more access to page {@code i}, counted: the benchmark's unit of work. */
    public void accessPage(int i) {
        machine.access(vm, addresses[i % addresses.length], AccessKind.READ, Privilege.USER);
    }

    /** The machine, for tests that look inside. */
    public Machine machine() {
        return machine;
    }

    private static MachineConfig configFor(WalkSpec spec) {
        MmuConfig mmu = MmuConfig.defaults().withTlb(spec.tlb()).withWalkCache(spec.walkCache());
        long dataBytes = (long) spec.pages() * spec.guestPage().bytes();
        long tablePages = spec.processes() * (4L + 2L * (spec.pages() / 512 + 2) * spec.guestLevels());
        long ram = roundUp(dataBytes + (tablePages << 12) + (4L << 20), spec.guestPage().bytes()) + spec.guestPage().bytes();
        long frames = spec.mode() == PagingMode.NATIVE
                ? (ram >> 12) + 1024
                : hostFramesForVm(spec, tablePages) + 1024;
        if (spec.mode() == PagingMode.SHADOW) {
            frames += (long) spec.shadowRoots() * tablePages + 1024;
        }
        if (frames > MachineConfig.MAX_HOST_FRAMES) {
            throw new IllegalArgumentException(String.format(
                    "%d pages of %s over %s host pages need about %d MiB of host memory; the emulated host has at "
                            + "most %d MiB: use fewer --pages or smaller pages",
                    spec.pages(), spec.guestPage(), spec.mode() == PagingMode.NATIVE ? "no" : spec.hostPage(),
                    frames >> 8, MachineConfig.MAX_HOST_FRAMES >> 8));
        }
        int hostFrames = (int) Math.max(16384, Long.highestOneBit(frames - 1) << 1);
        hostFrames = Math.min(hostFrames, MachineConfig.MAX_HOST_FRAMES);
        return new MachineConfig(spec.mode(), spec.guestLevels(), spec.hostLevels(), spec.hostPage(), mmu, false, true,
                false, hostFrames, spec.seed(), List.of(ram), ShadowPolicy.kvm().withRoots(spec.shadowRoots()));
    }

    /** Host frames a VM needs: a host page per touched data page and per table region, plus EPT tables. */
    private static long hostFramesForVm(WalkSpec spec, long tablePages) {
        long hostPageFrames = spec.hostPage().frames();
        long dataHostPages = spec.guestPage().bytes() >= spec.hostPage().bytes()
                ? spec.pages()
                : (long) spec.pages() * spec.guestPage().bytes() / spec.hostPage().bytes() + 1;
        long tableHostPages = spec.hostPage() == PageSize.SIZE_4K ? tablePages : 2;
        long eptTables = 4L * (dataHostPages + tableHostPages) + 16;
        return (dataHostPages + tableHostPages) * hostPageFrames + eptTables;
    }

    private static long roundUp(long value, long unit) {
        return (value + unit - 1) / unit * unit;
    }
}
