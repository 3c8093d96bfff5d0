package org.memvirt.engine.reclaim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.memvirt.engine.reclaim.ReclaimRig.audit;
import static org.memvirt.engine.reclaim.ReclaimRig.firstWord;
import static org.memvirt.engine.reclaim.ReclaimRig.of;
import static org.memvirt.engine.reclaim.ReclaimRig.read;
import static org.memvirt.engine.reclaim.ReclaimRig.write;

import org.junit.jupiter.api.Test;
import org.memvirt.engine.Action;
import org.memvirt.engine.Machine;
import org.memvirt.engine.StepResult;
import org.memvirt.engine.event.CowBreak;
import org.memvirt.engine.event.PageMerge;
import org.memvirt.engine.event.PageScan;
import org.memvirt.engine.event.ScanOutcome;

/** Content-based sharing: ESX hashes and hints, Linux KSM's two trees, copy-on-write. */
class PageSharingTest {

    /** Touches every page so it is backed (demand paging), then returns the last step. */
    private static StepResult touchAll(Machine m, int vms, int pages) {
        StepResult last = null;
        for (int vm = 1; vm <= vms; vm++) {
            for (int i = 0; i < pages; i++) {
                last = read(m, vm, i);
            }
        }
        return last;
    }

    @Test
    void identicalPagesAcrossVmsShareAndFreeExactlyTheDuplicates() {
        // VM 1 and VM 2: pages 0-9 hold the same contents in both VMs; pages 10-14 differ.
        Machine m = ReclaimRig.machine(2, 15, ReclaimConfig.defaults(), (vm, i) -> i < 10 ? 1000L + i : vm * 100_000L + i);
        StepResult before = touchAll(m, 2, 15);
        StepResult after = m.step(new Action.ScanForSharing(30));
        assertEquals(10, after.snapshot().counters().sharedFrames());
        assertEquals(10, after.snapshot().counters().framesSaved());
        assertEquals(before.snapshot().counters().hostFramesUsed() - 10, after.snapshot().counters().hostFramesUsed());
        assertTrue(audit(m).isEmpty(), () -> audit(m).toString());
        for (int i = 0; i < 15; i++) {
            assertEquals(i < 10 ? 1000L + i : 100_000L + i, firstWord(m, 1, i));
            assertEquals(i < 10 ? 1000L + i : 200_000L + i, firstWord(m, 2, i));
        }
    }

    @Test
    void aStaleHintSharesNothing() {
        // One VM, two pages with the same contents. The scan reaches the first, which becomes a hint;
        // the guest then changes it; when the scan reaches the second, the rehash shows the hint stale.
        Machine m = new Machine(ReclaimRig.config(1, ReclaimConfig.defaults()));
        int pid = m.createProcess(1);
        long first = m.mapPage(1, pid, ReclaimRig.BASE, org.memvirt.engine.paging.PageSize.SIZE_4K, ReclaimRig.RWU);
        long second = m.mapPage(1, pid, ReclaimRig.BASE + 4096, org.memvirt.engine.paging.PageSize.SIZE_4K,
                ReclaimRig.RWU);
        m.writeGuestPhysical(1, first, 77);
        m.writeGuestPhysical(1, second, 77);
        assertTrue(first < second);
        StepResult hinted = m.step(new Action.ScanForSharing(((first >>> 12) + 1) / 50.0));
        PageScan last = of(hinted, PageScan.class).get(of(hinted, PageScan.class).size() - 1);
        assertEquals(first, last.gpa());
        assertEquals(ScanOutcome.HINT, last.outcome());
        write(m, 1, 0, 12345);
        StepResult rest = m.step(new Action.ScanForSharing(10));
        assertTrue(of(rest, PageScan.class).stream().anyMatch(s -> s.outcome() == ScanOutcome.STALE_HINT));
        assertTrue(of(rest, PageMerge.class).isEmpty());
        assertEquals(0, rest.snapshot().counters().sharedFrames());
    }

    @Test
    void aWriteToASharedPageCopiesItAndLeavesTheOthersAlone() {
        Machine m = ReclaimRig.machine(3, 1, ReclaimConfig.defaults(), (vm, i) -> 4242L);
        touchAll(m, 3, 1);
        StepResult merged = m.step(new Action.ScanForSharing(10));
        assertEquals(1, merged.snapshot().counters().sharedFrames());
        assertEquals(2, merged.snapshot().counters().framesSaved());
        StepResult cow = write(m, 2, 0, 99);
        CowBreak broke = of(cow, CowBreak.class).get(0);
        assertEquals(2, broke.refsLeft());
        assertEquals(1, cow.snapshot().counters().cowBreaks());
        assertEquals(1, cow.snapshot().counters().framesSaved());
        assertEquals(99, firstWord(m, 2, 0));
        assertEquals(4242, firstWord(m, 1, 0));
        assertEquals(4242, firstWord(m, 3, 0));
        assertTrue(audit(m).isEmpty(), () -> audit(m).toString());
    }

    @Test
    void zeroPagesAllEndUpInOneFrame() {
        Machine m = ReclaimRig.machine(2, 8, ReclaimConfig.defaults(), (vm, i) -> null);
        touchAll(m, 2, 8);
        StepResult r = m.step(new Action.ScanForSharing(30));
        assertEquals(1, r.snapshot().counters().sharedFrames());
        assertEquals(15, r.snapshot().counters().framesSaved());
    }

    @Test
    void ksmMergesNoEarlierThanTheSecondFullScan() {
        ReclaimConfig ksm = ReclaimConfig.defaults().withSharing(SharingPolicy.KSM);
        Machine m = ReclaimRig.machine(2, 4, ksm, (vm, i) -> 500L + i);
        touchAll(m, 2, 4);
        // 2 VMs x 1024 pages of RAM = 2048 pages per full scan; 100 pages per 20 ms -> 0.42 s covers one pass.
        StepResult firstPass = m.step(new Action.ScanForSharing(0.42));
        assertTrue(of(firstPass, PageMerge.class).isEmpty(), "the first pass only records checksums");
        StepResult secondPass = m.step(new Action.ScanForSharing(0.42));
        assertEquals(4, secondPass.snapshot().counters().sharedFrames());
        assertEquals(4, secondPass.snapshot().counters().framesSaved());
        assertTrue(audit(m).isEmpty(), () -> audit(m).toString());
    }

    @Test
    void ksmSkipsAPageThatChangedBetweenScans() {
        ReclaimConfig ksm = ReclaimConfig.defaults().withSharing(SharingPolicy.KSM);
        Machine m = ReclaimRig.machine(2, 1, ksm, (vm, i) -> 31L);
        touchAll(m, 2, 1);
        m.step(new Action.ScanForSharing(0.42));
        write(m, 1, 0, 32);
        StepResult second = m.step(new Action.ScanForSharing(0.42));
        assertEquals(0, second.snapshot().counters().sharedFrames(), "VM 1's page is volatile this pass");
    }

    @Test
    void ksmWithZeroPagesMapsEmptyPagesToOneZeroFrame() {
        ReclaimConfig ksm = ReclaimConfig.defaults().withSharing(SharingPolicy.KSM).withKsmUseZeroPages(true);
        Machine m = ReclaimRig.machine(2, 3, ksm, (vm, i) -> null);
        touchAll(m, 2, 3);
        m.step(new Action.ScanForSharing(0.42));
        StepResult r = m.step(new Action.ScanForSharing(0.42));
        assertEquals(1, r.snapshot().counters().sharedFrames());
        assertEquals(5, r.snapshot().counters().framesSaved());
    }
}
