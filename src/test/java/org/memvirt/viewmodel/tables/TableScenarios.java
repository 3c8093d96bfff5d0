package org.memvirt.viewmodel.tables;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.Action;
import org.memvirt.engine.Machine;
import org.memvirt.engine.MachineConfig;
import org.memvirt.engine.StepResult;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;
import org.memvirt.viewmodel.StepFrame;

/**
 * Small played scenarios for the Tables view's tests and screenshots, made with the engine itself:
 * each is the list of step frames a lesson player would hand the view.
 */
public final class TableScenarios {
    /** The address every scenario follows. */
    public static final long VA = 0x0000_7f3a_1c40_2000L;
    /** A second page in the same guest PT. */
    public static final long VA2 = VA + 0x1000;
    /** A page far away (another PML4 entry). */
    public static final long FAR = 0x0000_0000_0040_0000L;
    static final long RWU = X86Entry.P | X86Entry.RW | X86Entry.US;

    private TableScenarios() {
    }

    /** Records the steps of one scenario as frames. */
    private static final class Recorder {
        final Machine machine;
        final List<StepFrame> frames = new ArrayList<>();

        Recorder(Machine machine) {
            this.machine = machine;
            frames.add(new StepFrame(0, "Initial state", machine.snapshot(), List.of()));
        }

        void step(String title, Action action) {
            StepResult r = machine.step(action);
            frames.add(new StepFrame(frames.size(), title, r.snapshot(), r.events()));
        }
    }

    /**
     * Shadow paging, one VM, two processes. Steps: 1 read VA (hidden fault: the shadow path is
     * filled), 2 read VA2 (one more PT entry filled), 3 the guest kernel rewrites VA's PTE (trap,
     * emulate, shadow entry updated), 4 it clears VA2's PTE (trap, emulate, shadow entry zapped),
     * 5 CR3 switch to process 2, 6 read VA in process 2.
     */
    public static List<StepFrame> shadow() {
        Machine m = new Machine(MachineConfig.defaults().withMode(PagingMode.SHADOW).withDemandPaging(false));
        int pid = m.createProcess(1);
        m.mapPage(1, pid, VA, PageSize.SIZE_4K, RWU);
        m.mapPage(1, pid, VA2, PageSize.SIZE_4K, RWU);
        long other = m.mapPage(1, pid, VA + 0x2000, PageSize.SIZE_4K, RWU);
        m.mapPage(1, pid, FAR, PageSize.SIZE_4K, RWU);
        int pid2 = m.createProcess(1);
        m.mapPage(1, pid2, VA, PageSize.SIZE_4K, RWU);
        Recorder r = new Recorder(m);
        r.step("Read 0x7f3a_1c40_2000", read(VA));
        r.step("Read 0x7f3a_1c40_3000", read(VA2));
        r.step("Guest kernel remaps 0x7f3a_1c40_2000", new Action.WriteGuestEntry(1, pid, VA, 1,
                X86Entry.leaf(other, 1, RWU | X86Entry.A | X86Entry.D)));
        r.step("Guest kernel unmaps 0x7f3a_1c40_3000", new Action.WriteGuestEntry(1, pid, VA2, 1, 0));
        r.step("Switch to process 2", new Action.SwitchProcess(1, pid2));
        r.step("Process 2 reads 0x7f3a_1c40_2000", read(VA));
        return r.frames;
    }

    /** Nested paging: step 1 reads VA (a 24-reference 2D walk), step 2 reads FAR. */
    public static List<StepFrame> nested() {
        Machine m = new Machine(MachineConfig.defaults().withDemandPaging(false));
        int pid = m.createProcess(1);
        m.mapPage(1, pid, VA, PageSize.SIZE_4K, RWU);
        m.mapPage(1, pid, VA2, PageSize.SIZE_4K, RWU);
        m.mapPage(1, pid, FAR, PageSize.SIZE_4K, RWU);
        Recorder r = new Recorder(m);
        r.step("Read 0x7f3a_1c40_2000", read(VA));
        r.step("Read 0x40_0000", read(FAR));
        r.step("Guest kernel remaps 0x7f3a_1c40_3000", new Action.WriteGuestEntry(1, pid, VA2, 1, 0));
        return r.frames;
    }

    /** A native machine (VM 0): step 1 reads VA. */
    public static List<StepFrame> nativeMachine() {
        Machine m = new Machine(MachineConfig.defaults().withMode(PagingMode.NATIVE).withDemandPaging(false));
        int pid = m.createProcess(0);
        m.mapPage(0, pid, VA, PageSize.SIZE_4K, RWU);
        Recorder r = new Recorder(m);
        r.step("Read 0x7f3a_1c40_2000", read(0, VA));
        return r.frames;
    }

    /** Nested paging with two VMs: step 1 VM 1 reads VA, step 2 VM 2 reads FAR. */
    public static List<StepFrame> twoVms() {
        Machine m = new Machine(MachineConfig.defaults().withDemandPaging(false)
                .withVmRam(List.of(16L << 20, 16L << 20)));
        int a = m.createProcess(1);
        m.mapPage(1, a, VA, PageSize.SIZE_4K, RWU);
        int b = m.createProcess(2);
        m.mapPage(2, b, FAR, PageSize.SIZE_4K, RWU);
        Recorder r = new Recorder(m);
        r.step("VM 1 reads 0x7f3a_1c40_2000", read(VA));
        r.step("VM 2 reads 0x40_0000", read(2, FAR));
        return r.frames;
    }

    /** Shadow paging with {@code pages} pages mapped in one guest PT; step 1 reads the first. */
    public static List<StepFrame> longTable(int pages) {
        Machine m = new Machine(MachineConfig.defaults().withMode(PagingMode.SHADOW).withDemandPaging(false));
        int pid = m.createProcess(1);
        for (int i = 0; i < pages; i++) {
            m.mapPage(1, pid, VA + i * 0x1000L, PageSize.SIZE_4K, RWU);
        }
        Recorder r = new Recorder(m);
        r.step("Read 0x7f3a_1c40_2000", read(VA));
        return r.frames;
    }

    static Action read(long va) {
        return read(1, va);
    }

    static Action read(int vm, long va) {
        return new Action.Access(vm, va, AccessKind.READ, Privilege.USER, 0);
    }
}
