package org.memvirt.engine.reclaim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.memvirt.engine.reclaim.ReclaimRig.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.memvirt.engine.Action;
import org.memvirt.engine.BackingInvariant;
import org.memvirt.engine.Machine;
import org.memvirt.engine.host.HypervisorStyle;
import org.memvirt.engine.StepResult;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.Privilege;

/**
 * Seeded random runs that mix every mechanism: accesses and stores, host swapping, guest
 * swapping, ballooning up and down, sharing scans, activity sampling, host pressure. After every
 * step frames are conserved (audit), and at the end every page still holds what was last
 * stored to it. A failure names the seed and the step.
 */
class ReclaimRandomTest {
    private static final int VMS = 3;
    private static final int PAGES = 40;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void framesAreConservedAndContentsKept(long seed) {
        run(seed, 300);
    }

    static void run(long seed, int steps) {
        System.out.println("ReclaimRandomTest seed " + seed);
        Random rnd = new Random(seed);
        HypervisorStyle style = rnd.nextBoolean() ? HypervisorStyle.KVM : HypervisorStyle.ESX;
        SharingPolicy sharing = rnd.nextBoolean() ? SharingPolicy.ESX : SharingPolicy.KSM;
        SwapPolicy swap = SwapPolicy.values()[rnd.nextInt(3)];
        ReclaimConfig cfg = ReclaimConfig.defaults().withSharing(sharing).withSwapPolicy(swap).withSampleSize(10)
                .withDeflateOnOom(rnd.nextBoolean()).withKsmUseZeroPages(rnd.nextBoolean());
        Machine m = ReclaimRig.machine(VMS, PAGES, cfg, style, (vm, i) -> (long) ((vm + i) % 5));
        Map<Long, Long> gpas = new HashMap<>();
        Map<Long, Long> expected = new HashMap<>();
        for (int vm = 1; vm <= VMS; vm++) {
            for (int i = 0; i < PAGES; i++) {
                expected.put(key(vm, i), (long) ((vm + i) % 5));
            }
        }
        int hostTaken = 0;
        for (int step = 0; step < steps; step++) {
            int vm = 1 + rnd.nextInt(VMS);
            int page = rnd.nextInt(PAGES);
            int what = rnd.nextInt(20);
            Action action;
            if (what < 6) {
                action = new Action.Access(vm, addr(page), AccessKind.READ, Privilege.USER, 0);
            } else if (what < 10) {
                long value = rnd.nextInt(4);
                expected.put(key(vm, page), value);
                action = new Action.Access(vm, addr(page), AccessKind.WRITE, Privilege.USER, value);
            } else if (what == 10) {
                action = new Action.HostSwapOut(vm, 1 + rnd.nextInt(8));
            } else if (what == 11) {
                action = new Action.GuestSwapOut(vm, 1 + rnd.nextInt(4));
            } else if (what == 12 || what == 13) {
                action = new Action.SetBalloonTarget(vm, rnd.nextInt(300));
            } else if (what == 14 || what == 15) {
                action = new Action.ScanForSharing(sharing == SharingPolicy.ESX ? 1 + rnd.nextInt(20) : 0.1);
            } else if (what == 16) {
                action = new Action.SampleActivity();
            } else if (what == 17 && hostTaken == 0) {
                hostTaken = 100 + rnd.nextInt(400);
                action = new Action.HostPressure(hostTaken);
            } else if (what == 19 && style == HypervisorStyle.KVM && gpas.containsKey(key(vm, page))) {
                action = new Action.WriteEptEntry(vm, gpas.get(key(vm, page)), 1, 0);
            } else if (what == 18 && hostTaken > 0) {
                action = new Action.HostRelease(hostTaken);
                hostTaken = 0;
            } else {
                action = new Action.TouchPages(vm, addr(0), PAGES, AccessKind.READ);
            }
            StepResult r = m.step(action);
            for (var e : r.events()) {
                if (e instanceof org.memvirt.engine.event.Translated t && action instanceof Action.Access) {
                    gpas.put(key(vm, page), t.gpa() & ~0xFFFL);
                }
            }
            List<String> problems = new java.util.ArrayList<>(audit(m));
            problems.addAll(BackingInvariant.violations(r.snapshot()));
            int s = step;
            assertTrue(problems.isEmpty(), () -> "seed " + seed + " step " + s + " " + action + ": " + problems);
            assertEquals(r.snapshot().counters().hostFramesUsed() + r.snapshot().counters().hostFramesFree(),
                    r.snapshot().memory().frameCount());
        }
        for (int vm = 1; vm <= VMS; vm++) {
            for (int i = 0; i < PAGES; i++) {
                long got = ReclaimRig.firstWord(m, vm, i);
                assertEquals(expected.get(key(vm, i)), got, "seed " + seed + " VM " + vm + " page " + i);
            }
        }
    }

    @Test
    void contentsSurviveMergeCopyOnWriteSwapAndBalloon() {
        Machine m = ReclaimRig.machine(2, 6, ReclaimConfig.defaults().withSwapPolicy(SwapPolicy.FIFO),
                (vm, i) -> 300L + i);
        for (int vm = 1; vm <= 2; vm++) {
            for (int i = 0; i < 6; i++) {
                ReclaimRig.read(m, vm, i);
            }
        }
        m.step(new Action.ScanForSharing(30));
        assertEquals(6, m.snapshot().counters().sharedFrames());
        ReclaimRig.write(m, 1, 2, 9999);
        assertEquals(1, m.snapshot().counters().cowBreaks());
        m.step(new Action.HostSwapOut(1, 100));
        m.step(new Action.HostSwapOut(2, 100));
        m.step(new Action.SetBalloonTarget(1, 200));
        m.step(new Action.SetBalloonTarget(2, 200));
        m.step(new Action.SetBalloonTarget(1, 0));
        m.step(new Action.SetBalloonTarget(2, 0));
        for (int i = 0; i < 6; i++) {
            assertEquals(i == 2 ? 9999 : 300L + i, ReclaimRig.firstWord(m, 1, i));
            assertEquals(300L + i, ReclaimRig.firstWord(m, 2, i));
        }
        assertTrue(audit(m).isEmpty(), () -> audit(m).toString());
    }

    private static long key(int vm, int page) {
        return ((long) vm << 32) | page;
    }

    private static long addr(int page) {
        return ReclaimRig.BASE + page * 4096L;
    }
}
