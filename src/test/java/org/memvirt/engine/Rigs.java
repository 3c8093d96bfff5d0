package org.memvirt.engine;

import java.util.List;
import java.util.stream.Collectors;

import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.engine.mmu.MmuConfig;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;

/** Machine configurations and event queries shared by the engine tests. */
final class Rigs {
    /** A present, writable, user page. */
    static final long URW = X86Entry.P | X86Entry.RW | X86Entry.US;
    /** A canonical user address with distinct indices at every level (PML4 0xFE, PDPT 0x48, PD 0x1A2, PT 0x167). */
    static final long GVA = 0x0000_7F12_3456_7000L;
    /** 2 MiB host pages need aligned runs of frames; 1 GiB pages need a lot of them. */
    static final int FRAMES_FOR_1G = 1 << 21;

    private Rigs() {
    }

    /** Nested paging with nothing cached and memory backed at map time. */
    static MachineConfig nested(int guestLevels, int hostLevels, PageSize hostPage) {
        return MachineConfig.defaults()
                .withMode(PagingMode.NESTED)
                .withLevels(guestLevels, hostLevels)
                .withHostPage(hostPage)
                .withMmu(MmuConfig.defaults().withTlb(false).withWalkCache(false))
                .withDemandPaging(false)
                .withHostFrames(hostPage == PageSize.SIZE_1G ? FRAMES_FOR_1G : 1 << 15)
                .withVmRam(List.of(4L << 30))
                .withSeed(7);
    }

    /** An unvirtualized machine with nothing cached. */
    static MachineConfig flat(int levels) {
        return MachineConfig.defaults()
                .withMode(PagingMode.NATIVE)
                .withLevels(levels, 4)
                .withMmu(MmuConfig.defaults().withTlb(false).withWalkCache(false))
                .withDemandPaging(false)
                .withHostFrames(1 << 15)
                .withSeed(7);
    }

    static <T extends Event> List<T> events(StepResult r, Class<T> type) {
        return r.events().stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    static <T extends Event> T only(StepResult r, Class<T> type) {
        List<T> found = events(r, type);
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one " + type.getSimpleName() + " but got " + found.size()
                    + " in " + describe(r));
        }
        return found.get(0);
    }

    /** The walk references of a step in the model's terms, for comparison with {@link ReferenceWalker}. */
    static List<ReferenceWalker.Ref> refs(StepResult r) {
        return events(r, WalkStep.class).stream()
                .map(s -> new ReferenceWalker.Ref(s.dimension().name(), s.level(), s.forGuestLevel(),
                        s.tableAddress(), s.index()))
                .collect(Collectors.toList());
    }

    /** The events' types in order, for failure messages. */
    static String describe(StepResult r) {
        return r.events().stream().map(Event::type).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A fresh model over the machine's memory now. */
    static ReferenceWalker model(Machine m) {
        return new ReferenceWalker(m.snapshot().memory());
    }

    /** The model's nested walk of {@code gva} in VM 1's current process, on the state now. */
    static ReferenceWalker.Walk nestedWalk(Machine m, long gva) {
        MachineSnapshot s = m.snapshot();
        VmImage vm = s.vm(1);
        return new ReferenceWalker(s.memory()).nested(vm.cr3(), s.config().guestLevels(), vm.eptRoot(),
                s.config().hostLevels(), gva);
    }

    /** The model's native walk of {@code va} in VM 0's current process, on the state now. */
    static ReferenceWalker.Walk flatWalk(Machine m, long va) {
        MachineSnapshot s = m.snapshot();
        return new ReferenceWalker(s.memory()).flat(s.vm(0).cr3(), s.config().guestLevels(), va);
    }
}
