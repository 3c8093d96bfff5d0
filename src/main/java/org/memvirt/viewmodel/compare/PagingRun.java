package org.memvirt.viewmodel.compare;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.Action;
import org.memvirt.engine.Machine;
import org.memvirt.engine.MachineConfig;
import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.event.Counters;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.MmuConfig;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;
import org.memvirt.engine.vmm.ShadowPolicy;

/**
 * One paging mode's machine playing an {@link AccessTrace}: the same seed and the same guest
 * setup as the other two (each process maps the working set; with two processes the second maps
 * the same frames through tables of its own; with PTE updates each page has a spare frame), and
 * the trace's steps turned into this machine's actions. The machine runs in counting mode and
 * the counters are copied after every step, so the whole history is kept and nothing is ever
 * simulated twice.
 */
public final class PagingRun {
    /** Where the working set starts (canonical under 4- and 5-level paging). */
    public static final long BASE_VA = 0x0000_4000_0000_0000L;
    /** Where the spare frames are mapped: 1 GiB above, so under tables of their own. */
    public static final long SPARE_VA = BASE_VA + (1L << 30);
    /** The word read in each page. */
    public static final long OFFSET = 0x10;
    /** The seed all three machines share. */
    public static final long SEED = 1;
    static final long FLAGS = X86Entry.P | X86Entry.RW | X86Entry.US;
    private static final Counters.MemoryFigures NO_FIGURES = new Counters.MemoryFigures(0, 0, 0, 0, 0);

    private final PagingMode mode;
    private final Machine machine;
    private final int vm;
    private final int[] pids;
    private final long[] frames;
    private final long[] spares;

    /** Builds the machine for {@code mode} and maps the working set of {@code params}. */
    public PagingRun(PagingMode mode, WorkloadParams params) {
        this.mode = mode;
        this.machine = new Machine(config(mode, params));
        this.vm = mode == PagingMode.NATIVE ? 0 : 1;
        this.pids = new int[params.processes()];
        for (int p = 0; p < pids.length; p++) {
            pids[p] = machine.createProcess(vm);
        }
        this.frames = new long[params.pages()];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = machine.mapPage(vm, pids[0], address(i), PageSize.SIZE_4K, FLAGS);
            for (int p = 1; p < pids.length; p++) {
                machine.mapPageTo(vm, pids[p], address(i), frames[i], PageSize.SIZE_4K, FLAGS);
            }
        }
        this.spares = new long[params.updateEvery() > 0 ? params.pages() : 0];
        for (int i = 0; i < spares.length; i++) {
            spares[i] = machine.mapPage(vm, pids[0], SPARE_VA + (long) i * PageSize.SIZE_4K.bytes(),
                    PageSize.SIZE_4K, FLAGS);
        }
        machine.setCurrentProcess(vm, pids[0]);
    }

    /** The configuration every column uses, differing only in the mode. */
    public static MachineConfig config(PagingMode mode, WorkloadParams params) {
        return MachineConfig.defaults().withMode(mode).withDemandPaging(false).withSeed(SEED)
                .withMmu(MmuConfig.defaults().withTlb(params.tlb()).withWalkCache(false))
                .withShadow(ShadowPolicy.kvm().withRoots(params.shadowRoots()));
    }

    /** The virtual address the trace reads in page {@code i}. */
    public static long address(int page) {
        return BASE_VA + (long) page * PageSize.SIZE_4K.bytes();
    }

    public PagingMode mode() {
        return mode;
    }

    /** The machine, for tests that look inside. */
    public Machine machine() {
        return machine;
    }

    /** This machine's action for one step of the trace. */
    public Action action(TraceStep step) {
        if (step instanceof TraceStep.ReadPage r) {
            return new Action.Access(vm, address(r.page()) + OFFSET, AccessKind.READ, Privilege.USER, 0);
        } else if (step instanceof TraceStep.SwitchProcess s) {
            return new Action.SwitchProcess(vm, pids[s.process() - 1]);
        } else if (step instanceof TraceStep.UpdatePte u) {
            long frame = u.toSpare() ? spares[u.page()] : frames[u.page()];
            return new Action.WriteGuestEntry(vm, pids[u.process() - 1], address(u.page()), 1,
                    X86Entry.leaf(frame, 1, FLAGS));
        } else if (step instanceof TraceStep.InvalidatePage i) {
            return new Action.Invlpg(vm, address(i.page()));
        }
        throw new IllegalArgumentException("unknown trace step " + step);
    }

    /**
     * Plays the whole trace in counting mode.
     *
     * @return the counters before the first step and after each step: {@code trace.size() + 1} rows
     */
    public List<CounterSnapshot> play(AccessTrace trace) {
        List<CounterSnapshot> rows = new ArrayList<>(trace.size() + 1);
        rows.add(counters());
        for (TraceStep step : trace.steps()) {
            machine.run(action(step));
            rows.add(counters());
        }
        return rows;
    }

    /** The counters now, without freezing memory (the Compare screen needs no frame map). */
    private CounterSnapshot counters() {
        return machine.counters().snapshot(NO_FIGURES);
    }
}
