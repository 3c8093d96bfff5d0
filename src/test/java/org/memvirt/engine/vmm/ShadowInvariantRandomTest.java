package org.memvirt.engine.vmm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.memvirt.engine.Action;
import org.memvirt.engine.Machine;
import org.memvirt.engine.MachineConfig;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;

/**
 * Seeded random runs of guest table edits, CR3 switches, INVLPGs, flushes and accesses under
 * shadow paging; the invariant is checked after every step. A failure names its seed and step.
 */
class ShadowInvariantRandomTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void theInvariantHoldsAfterEveryStep(long seed) {
        Random rnd = new Random(seed);
        int roots = 1 + rnd.nextInt(4);
        boolean unsync = rnd.nextBoolean();
        PageSize host = rnd.nextInt(4) == 0 ? PageSize.SIZE_2M : PageSize.SIZE_4K;
        MachineConfig cfg = MachineConfig.defaults().withMode(PagingMode.SHADOW).withDemandPaging(rnd.nextBoolean())
                .withHostPage(host).withSeed(seed).withLevels(rnd.nextBoolean() ? 4 : 5, 4)
                .withShadow(ShadowPolicy.kvm().withRoots(roots).withUnsync(unsync));
        Machine m = new Machine(cfg);
        int processes = 1 + rnd.nextInt(3);
        List<Long> vas = new ArrayList<>();
        List<Long> gpas = new ArrayList<>();
        for (int p = 1; p <= processes; p++) {
            int pid = m.createProcess(1);
            for (int i = 0; i < 12; i++) {
                long va = 0x0000_1000_0000_0000L + (long) rnd.nextInt(64) * 0x1000 + (long) rnd.nextInt(4) * (1L << 30);
                if (p == 1) {
                    boolean large = rnd.nextInt(8) == 0;
                    long base = large ? va & ~0x1F_FFFFL : va;
                    try {
                        gpas.add(m.mapPage(1, pid, base, large ? PageSize.SIZE_2M : PageSize.SIZE_4K, flags(rnd)));
                        vas.add(base);
                    } catch (IllegalArgumentException conflict) {
                        // a random large page may collide with a small one: skip it
                    }
                } else if (!vas.isEmpty()) {
                    int k = rnd.nextInt(vas.size());
                    try {
                        m.mapPageTo(1, pid, vas.get(k), gpas.get(k) & ~0xFFFL, PageSize.SIZE_4K, flags(rnd));
                    } catch (IllegalArgumentException conflict) {
                        // already mapped as a large page in this process
                    }
                }
            }
        }
        int pid = 1;
        for (int step = 0; step < 400; step++) {
            int what = rnd.nextInt(10);
            long va = vas.get(rnd.nextInt(vas.size())) + (rnd.nextInt(512) * 8L);
            Action action;
            if (what < 5) {
                AccessKind kind = AccessKind.values()[rnd.nextInt(2)];
                action = new Action.Access(1, va, kind, rnd.nextBoolean() ? Privilege.USER : Privilege.SUPERVISOR,
                        rnd.nextLong());
            } else if (what < 7 && rnd.nextInt(10) == 0) {
                action = new Action.WriteGuestEntry(1, pid, va, 2, 0);
            } else if (what < 7) {
                long gpa = gpas.get(rnd.nextInt(gpas.size())) & ~0xFFFL;
                long value = rnd.nextInt(5) == 0 ? 0 : X86Entry.leaf(gpa, 1, flags(rnd));
                action = new Action.WriteGuestEntry(1, pid, va, 1, value);
            } else if (what == 7) {
                pid = 1 + rnd.nextInt(processes);
                action = new Action.SwitchProcess(1, pid);
            } else if (what == 8) {
                action = new Action.Invlpg(1, va);
            } else {
                action = new Action.FlushTlb(1);
            }
            try {
                m.step(action);
            } catch (IllegalArgumentException notOnPath) {
                continue;
            }
            List<String> problems = m.shadowInvariantViolations(1);
            int s = step;
            assertTrue(problems.isEmpty(), () -> "seed " + seed + ", step " + s + " (" + action + "): " + problems);
        }
    }

    private static long flags(Random rnd) {
        long f = X86Entry.P;
        if (rnd.nextInt(4) != 0) {
            f |= X86Entry.RW;
        }
        if (rnd.nextInt(4) != 0) {
            f |= X86Entry.US;
        }
        return f;
    }
}
