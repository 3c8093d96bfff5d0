package org.memvirt.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.memvirt.engine.Action;
import org.memvirt.engine.Machine;
import org.memvirt.engine.MachineConfig;
import org.memvirt.engine.StepResult;
import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.MmuConfig;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;

/**
 * Builds the machine a walk-screen choice describes and records the access of interest. The
 * guest maps one page at the address (and, with the walk caches on, its neighbour, read first
 * so that the caches are warm); only the host pages the accesses touch are backed, so a 1 GiB
 * guest page costs one host page, not 262,144, and no access exits to the hypervisor.
 */
public final class WalkScenario implements WalkSource {
    private static final long FLAGS = X86Entry.P | X86Entry.RW | X86Entry.US;
    private static final long DEFAULT_VM_RAM = 64L << 20;
    /** Guest RAM for 1 GiB pages: room for the tables, the page and its neighbour. */
    private static final long LARGE_VM_RAM = 4L << 30;
    private static final int DEFAULT_HOST_FRAMES = 16384;

    @Override
    public TranslationWalk walk(WalkSettings s) {
        if (!s.canonical()) {
            int bits = Levels.addressBits(s.guestLevels());
            throw new ScenarioFailure(String.format(Locale.ROOT,
                    "%s is not a canonical address for %d-level paging: bits 63..%d must all equal bit %d.",
                    HexAddress.grouped(s.gva()), s.guestLevels(), bits - 1, bits - 1));
        }
        try {
            return record(s);
        } catch (ScenarioFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ScenarioFailure("This configuration cannot run: " + e.getMessage(), e);
        }
    }

    /** The machine configuration for a choice: enough memory for its pages, caches as chosen. */
    public static MachineConfig configFor(WalkSettings s) {
        boolean hugeHostRuns = s.nested() ? s.hostPage() == PageSize.SIZE_1G : s.guestPage() == PageSize.SIZE_1G;
        return MachineConfig.defaults()
                .withMode(s.mode())
                .withLevels(s.guestLevels(), s.hostLevels())
                .withHostPage(s.nested() ? s.hostPage() : PageSize.SIZE_4K)
                .withMmu(MmuConfig.defaults().withTlb(s.tlb()).withWalkCache(s.walkCache()))
                .withDemandPaging(true)
                .withHostFrames(hugeHostRuns ? MachineConfig.MAX_HOST_FRAMES : DEFAULT_HOST_FRAMES)
                .withVmRam(List.of(s.guestPage() == PageSize.SIZE_1G ? LARGE_VM_RAM : DEFAULT_VM_RAM));
    }

    private static TranslationWalk record(WalkSettings s) {
        Machine m = new Machine(configFor(s));
        int vm = s.mode() == PagingMode.NATIVE ? 0 : 1;
        int pid = m.createProcess(vm);
        PageSize page = s.guestPage();
        long offset = s.gva() & page.offsetMask();
        long base = s.gva() - offset;
        long gpa = m.mapPage(vm, pid, base, page, FLAGS);
        m.backGuestPhysical(vm, gpa + offset);
        List<String> preamble = new ArrayList<>();
        if (s.walkCache()) {
            long neighbour = neighbour(base, page, s.guestLevels());
            long neighbourGpa = m.mapPage(vm, pid, neighbour, page, FLAGS);
            m.backGuestPhysical(vm, neighbourGpa + offset);
            StepResult warm = m.step(read(vm, neighbour + offset));
            preamble.add(String.format(Locale.ROOT,
                    "Warm-up: the CPU first read the neighbouring %s page at %s (%d references), so the walk caches"
                            + " hold the entries the two pages share.",
                    page.label(), HexAddress.grouped(neighbour + offset), references(warm)));
        }
        if (s.repeatAccess()) {
            StepResult first = m.step(read(vm, s.gva()));
            preamble.add(String.format(Locale.ROOT,
                    "The first read of %s made %d references%s; this is the second read of the same address.",
                    HexAddress.grouped(s.gva()), references(first),
                    s.tlb() ? " and filled the TLB" : " (the TLB is off, so nothing remembers the translation)"));
        }
        CounterSnapshot before = m.snapshot().counters();
        StepResult shown = m.step(read(vm, s.gva()));
        return new TranslationWalk(s, preamble, shown.events(), before, shown.snapshot().counters());
    }

    private static Action read(int vm, long gva) {
        return new Action.Access(vm, gva, AccessKind.READ, Privilege.USER, 0);
    }

    private static int references(StepResult r) {
        return r.events().stream().filter(Translated.class::isInstance).map(Translated.class::cast)
                .mapToInt(Translated::references).sum();
    }

    /** The next page up, or the one below when the next would leave the canonical half. */
    private static long neighbour(long base, PageSize page, int levels) {
        long up = base + page.bytes();
        int bits = Levels.addressBits(levels);
        boolean sameHalf = (up >> (bits - 1)) == (base >> (bits - 1));
        return sameHalf ? up : base - page.bytes();
    }
}
