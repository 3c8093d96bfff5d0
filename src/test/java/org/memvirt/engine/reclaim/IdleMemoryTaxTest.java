package org.memvirt.engine.reclaim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.memvirt.engine.reclaim.ReclaimRig.audit;
import static org.memvirt.engine.reclaim.ReclaimRig.read;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memvirt.engine.Action;
import org.memvirt.engine.Machine;
import org.memvirt.engine.StepResult;
import org.memvirt.engine.event.BalloonInflate;
import org.memvirt.engine.event.SwapOut;

/** ESX's share-based allocation with an idle memory tax, and its free-memory states. */
class IdleMemoryTaxTest {

    @ParameterizedTest(name = "S={0} P={1} f={2} tau={3} -> rho={4}")
    @CsvSource({
        "1000, 100, 1.0, 0.75, 10.0",   // all active: k does not matter, rho = S/P
        "1000, 100, 0.0, 0.75, 2.5",    // all idle: each page costs k = 4 shares
        "1000, 100, 0.5, 0.75, 4.0",    // 1000 / (100 * (0.5 + 4 * 0.5))
        "1000, 100, 0.0, 0.0, 10.0",    // no tax: idle pages cost the same as active ones
        "2000, 400, 0.25, 0.5, 2.857142857142857", // k = 2: 2000 / (400 * (0.25 + 1.5))
        "500, 50, 0.1, 0.9, 1.098901098901099",    // k = 10: 500 / (50 * (0.1 + 10 * 0.9))
    })
    void rhoOnWorkedExamples(double shares, double pages, double active, double tau, double rho) {
        assertEquals(rho, IdleMemoryTax.sharesPerPage(shares, pages, active, tau), 1e-12);
    }

    @Test
    void theDefaultTaxMakesAnIdlePageCostFourShares() {
        assertEquals(4.0, IdleMemoryTax.idleCost(0.75), 1e-12);
    }

    @Test
    void activityIsEstimatedByInvalidatingSampledPages() {
        ActivityEstimate e = ActivityEstimate.UNSAMPLED.next(10, 100);
        assertEquals(0.1, e.current(), 1e-12);
        assertEquals(0.55, e.fast(), 1e-12);
        assertEquals(0.91, e.slow(), 1e-12);
        assertEquals(0.91, e.active(), 1e-12, "the largest of slow, fast and current");
        ActivityEstimate busy = e.next(90, 100);
        assertEquals(0.9, busy.active(), 0.05, "becoming busy is seen at once");
    }

    @ParameterizedTest
    @CsvSource({"1000, 100, HIGH", "1000, 60, HIGH", "1000, 59, SOFT", "1000, 40, SOFT", "1000, 39, HARD",
        "1000, 20, HARD", "1000, 19, LOW", "1000, 0, LOW"})
    void freeMemoryStates(long total, long free, MemoryState state) {
        assertEquals(state, MemoryState.of(free, total));
    }

    /** Two VMs with equal shares and equal memory; VM 2 keeps touching its pages, VM 1 sits idle. */
    private static Machine idleAndBusy() {
        ReclaimConfig cfg = ReclaimConfig.defaults().withSampleSize(40).withSwapPolicy(SwapPolicy.RANDOM);
        Machine m = ReclaimRig.machine(2, 120, cfg, (vm, i) -> vm * 1000L + i);
        for (int vm = 1; vm <= 2; vm++) {
            for (int i = 0; i < 120; i++) {
                read(m, vm, i);
            }
        }
        for (int period = 0; period < 3; period++) {
            m.step(new Action.SampleActivity());
            m.step(new Action.TouchPages(2, ReclaimRig.BASE, 120, org.memvirt.engine.mmu.AccessKind.READ));
        }
        m.step(new Action.SampleActivity());
        return m;
    }

    @Test
    void samplingSeesWhichVmIsIdle() {
        Machine m = idleAndBusy();
        var snap = m.snapshot();
        double idle = snap.vm(1).memory().activeFraction();
        double busy = snap.vm(2).memory().activeFraction();
        assertTrue(busy > 0.9, "busy VM f=" + busy);
        assertTrue(idle < 0.8, "idle VM f=" + idle);
        assertTrue(snap.vm(1).memory().sharesPerPage() < snap.vm(2).memory().sharesPerPage());
        assertEquals(1, m.lowestSharesPerPage());
        assertTrue(audit(m).isEmpty(), () -> audit(m).toString());
    }

    @Test
    void underPressureMemoryIsTakenFromTheLowestRhoVmByBallooningInTheSoftState() {
        Machine m = idleAndBusy();
        var before = m.snapshot();
        long free = before.counters().hostFramesFree();
        long total = free + before.counters().hostFramesUsed();
        // Leave the host 5 % free: the soft state, where ESX balloons.
        int take = (int) (free - total * 5 / 100);
        StepResult r = m.step(new Action.HostPressure(take));
        assertEquals(MemoryState.HIGH, r.snapshot().memoryState());
        List<BalloonInflate> inflations = ReclaimRig.of(r, BalloonInflate.class);
        assertTrue(!inflations.isEmpty() && inflations.stream().allMatch(b -> b.vm() == 1),
                "only the idle VM's balloon inflates: " + inflations);
        assertTrue(ReclaimRig.of(r, SwapOut.class).stream().noneMatch(s -> s.vm() == 2));
        assertEquals(before.vm(2).memory().allocatedPages(), r.snapshot().vm(2).memory().allocatedPages());
        assertTrue(audit(m).isEmpty(), () -> audit(m).toString());
    }

    @Test
    void inTheHardStateTheHostSwaps() {
        Machine m = idleAndBusy();
        var before = m.snapshot();
        long free = before.counters().hostFramesFree();
        long total = free + before.counters().hostFramesUsed();
        int take = (int) (free - total * 3 / 100);
        StepResult r = m.step(new Action.HostPressure(take));
        assertTrue(ReclaimRig.of(r, SwapOut.class).stream().anyMatch(s -> s.vm() == 1));
        assertEquals(MemoryState.HIGH, r.snapshot().memoryState());
        assertTrue(audit(m).isEmpty(), () -> audit(m).toString());
        StepResult released = m.step(new Action.HostRelease(take));
        assertEquals(r.snapshot().counters().hostFramesFree() + take, released.snapshot().counters().hostFramesFree());
    }

    @Test
    void ballooningAGuestWithNoFreePagesMakesItSwapItsOwnPages() {
        // Both VMs use nearly all their RAM; in the soft state the balloon can only grow by the
        // guest paging out its own data, which runs on the guest's CPU (and may exit).
        ReclaimConfig cfg = ReclaimConfig.defaults();
        Machine m = ReclaimRig.machine(2, 755, cfg, (vm, i) -> vm * 10_000L + i);
        for (int vm = 1; vm <= 2; vm++) {
            m.step(new Action.TouchPages(vm, ReclaimRig.BASE, 755, org.memvirt.engine.mmu.AccessKind.READ));
        }
        var before = m.snapshot();
        long free = before.counters().hostFramesFree();
        long total = free + before.counters().hostFramesUsed();
        StepResult r = m.step(new Action.HostPressure((int) (free - total * 5 / 100)));
        assertEquals(MemoryState.HIGH, r.snapshot().memoryState());
        assertTrue(r.snapshot().vms().stream().anyMatch(v -> v.memory().guestSwapPages() > 0),
                "the guest gave up its own pages to the balloon");
        assertTrue(audit(m).isEmpty(), () -> audit(m).toString());
        for (int i = 0; i < 755; i += 50) {
            assertEquals(10_000L + i, ReclaimRig.firstWord(m, 1, i));
        }
    }
}
