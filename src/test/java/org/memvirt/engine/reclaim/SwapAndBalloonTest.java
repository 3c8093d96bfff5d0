package org.memvirt.engine.reclaim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.memvirt.engine.reclaim.ReclaimRig.audit;
import static org.memvirt.engine.reclaim.ReclaimRig.firstWord;
import static org.memvirt.engine.reclaim.ReclaimRig.of;
import static org.memvirt.engine.reclaim.ReclaimRig.read;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.memvirt.engine.Action;
import org.memvirt.engine.Machine;
import org.memvirt.engine.StepResult;
import org.memvirt.engine.event.BalloonDeflate;
import org.memvirt.engine.event.BalloonInflate;
import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.SwapIn;
import org.memvirt.engine.event.SwapOut;
import org.memvirt.engine.event.Swapper;
import org.memvirt.engine.paging.PageSize;

/** Uncooperative host swapping, double paging and ballooning with virtio-balloon's rules. */
class SwapAndBalloonTest {

    private static Machine touched(int pages, ReclaimConfig cfg) {
        Machine m = ReclaimRig.machine(1, pages, cfg, (vm, i) -> 7000L + i);
        for (int i = 0; i < pages; i++) {
            read(m, 1, i);
        }
        return m;
    }

    @Test
    void aHostSwappedPageIsReadBackOnItsNextTouchUnseenByTheGuest() {
        Machine m = touched(8, ReclaimConfig.defaults().withSwapPolicy(SwapPolicy.FIFO));
        StepResult out = m.step(new Action.HostSwapOut(1, 8));
        assertEquals(8, out.snapshot().counters().swapOuts());
        assertTrue(of(out, SwapOut.class).stream().allMatch(s -> s.swapper() == Swapper.HOST));
        for (int i = 0; i < 8; i++) {
            assertEquals(7000L + i, firstWord(m, 1, i));
        }
        StepResult after = read(m, 1, 0);
        assertTrue(after.snapshot().counters().swapIns() >= 8);
        assertEquals(0, after.snapshot().counters().guestFaults(), "the guest never knew");
        assertTrue(audit(m).isEmpty(), () -> audit(m).toString());
    }

    @Test
    void doublePagingReadsAPageBackOnlyToWriteItOut() {
        Machine m = touched(4, ReclaimConfig.defaults().withSwapPolicy(SwapPolicy.FIFO));
        m.step(new Action.HostSwapOut(1, 64));
        StepResult guest = m.step(new Action.GuestSwapOut(1, 1));
        List<Event> events = guest.events();
        int hostIn = indexOf(events, SwapIn.class, Swapper.HOST);
        int guestOut = indexOf(events, SwapOut.class, Swapper.GUEST);
        assertTrue(hostIn >= 0 && guestOut > hostIn, "host swap-in first, then the guest writes it out: " + events);
        SwapOut victim = (SwapOut) events.get(guestOut);
        // The process touches the page again: a guest fault reads it back from the guest's swap.
        StepResult again = m.step(new Action.Access(1, victim.gva(), org.memvirt.engine.mmu.AccessKind.READ,
                org.memvirt.engine.mmu.Privilege.USER, 0));
        assertEquals(1, again.snapshot().counters().guestFaults());
        assertTrue(of(again, SwapIn.class).stream().anyMatch(s -> s.swapper() == Swapper.GUEST));
        int page = (int) ((victim.gva() - ReclaimRig.BASE) >>> 12);
        assertEquals(7000L + page, firstWord(m, 1, page));
        assertTrue(audit(m).isEmpty(), () -> audit(m).toString());
    }

    private static int indexOf(List<Event> events, Class<?> type, Swapper who) {
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (type.isInstance(e) && (e instanceof SwapIn in ? in.swapper() : ((SwapOut) e).swapper()) == who) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theBalloonReportsAtMost256PagesPerMessageAndTheHostFreesOnlyBackedFrames() {
        Machine m = touched(20, ReclaimConfig.defaults());
        long usedBefore = m.snapshot().counters().hostFramesUsed();
        StepResult r = m.step(new Action.SetBalloonTarget(1, 300));
        List<BalloonInflate> messages = of(r, BalloonInflate.class);
        assertEquals(List.of(256, 44), messages.stream().map(b -> b.gfns().size()).toList());
        assertEquals(300, r.snapshot().counters().balloonPages());
        long freed = messages.stream().mapToLong(BalloonInflate::framesFreed).sum();
        assertEquals(usedBefore - freed, r.snapshot().counters().hostFramesUsed());
        assertEquals(300, r.snapshot().vm(1).memory().balloonPages());
        assertTrue(audit(m).isEmpty(), () -> audit(m).toString());
        StepResult down = m.step(new Action.SetBalloonTarget(1, 0));
        assertEquals(List.of(256, 44), of(down, BalloonDeflate.class).stream().map(b -> b.gfns().size()).toList());
        assertEquals(0, down.snapshot().counters().balloonPages());
    }

    @Test
    void theGuestGivesUpItsOwnPagesWhenFreeOnesRunOut() {
        Machine m = touched(20, ReclaimConfig.defaults());
        long free = m.snapshot().vm(1).memory().freePages();
        StepResult r = m.step(new Action.SetBalloonTarget(1, free + 5));
        assertEquals(free + 5, r.snapshot().counters().balloonPages());
        assertEquals(5, r.snapshot().vm(1).memory().guestSwapPages(), "5 process pages went to the guest's swap");
        assertTrue(audit(m).isEmpty(), () -> audit(m).toString());
    }

    @Test
    void deflateOnOomGivesBack256PagesWhenTheGuestRunsOut() {
        Machine m = touched(4, ReclaimConfig.defaults().withDeflateOnOom(true));
        long free = m.snapshot().vm(1).memory().freePages();
        m.step(new Action.SetBalloonTarget(1, free));
        StepResult map = m.step(new Action.MapPage(1, 1, ReclaimRig.BASE + 0x10_0000, PageSize.SIZE_4K,
                ReclaimRig.RWU));
        BalloonDeflate d = of(map, BalloonDeflate.class).get(0);
        assertEquals(256, d.gfns().size());
        assertTrue(d.reason().contains("out of memory"));
        assertEquals(free - 256, map.snapshot().counters().balloonPages());
        assertEquals(free, map.snapshot().vm(1).memory().balloonTarget(), "the host's target is unchanged");
    }

    @Test
    void withoutDeflateOnOomTheGuestSwapsInstead() {
        Machine m = touched(4, ReclaimConfig.defaults().withDeflateOnOom(false));
        long free = m.snapshot().vm(1).memory().freePages();
        m.step(new Action.SetBalloonTarget(1, free));
        StepResult map = m.step(new Action.MapPage(1, 1, ReclaimRig.BASE + 0x10_0000, PageSize.SIZE_4K,
                ReclaimRig.RWU));
        assertTrue(of(map, BalloonDeflate.class).isEmpty());
        assertEquals(1, map.snapshot().vm(1).memory().guestSwapPages());
    }

    @Test
    void aBalloonedPageOfASharedFrameFreesOnlyAReference() {
        Machine m = ReclaimRig.machine(2, 1, ReclaimConfig.defaults(), (vm, i) -> 5L);
        read(m, 1, 0);
        read(m, 2, 0);
        m.step(new Action.ScanForSharing(10));
        // VM 1 swaps its page out itself (it goes to the guest's swap, the page becomes free but
        // stays backed by the shared frame); the balloon then takes exactly that free page.
        StepResult swapped = m.step(new Action.GuestSwapOut(1, 1));
        long used = swapped.snapshot().counters().hostFramesUsed();
        assertEquals(1, swapped.snapshot().counters().framesSaved());
        StepResult r = m.step(new Action.SetBalloonTarget(1, 1));
        assertEquals(0, of(r, BalloonInflate.class).get(0).framesFreed());
        assertEquals(used, r.snapshot().counters().hostFramesUsed(), "VM 2 still maps the shared frame");
        assertEquals(0, r.snapshot().counters().framesSaved());
        assertEquals(5L, firstWord(m, 2, 0));
        assertTrue(audit(m).isEmpty(), () -> audit(m).toString());
    }

    @Test
    void balloonedPagesThatWereNeverBackedFreeNothing() {
        Machine m = touched(2, ReclaimConfig.defaults());
        StepResult r = m.step(new Action.SetBalloonTarget(1, 100));
        assertEquals(0, of(r, BalloonInflate.class).stream().mapToInt(BalloonInflate::framesFreed).sum());
    }
}
