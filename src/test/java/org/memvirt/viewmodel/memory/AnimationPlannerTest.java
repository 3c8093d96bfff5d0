package org.memvirt.viewmodel.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.memvirt.engine.event.BalloonInflate;
import org.memvirt.engine.event.CowBreak;
import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.FrameFree;
import org.memvirt.engine.event.PageMerge;
import org.memvirt.engine.event.SwapIn;
import org.memvirt.engine.event.SwapOut;
import org.memvirt.engine.event.Swapper;
import org.memvirt.viewmodel.StepFrame;
import org.memvirt.viewmodel.memory.MemoryAnimation.BalloonInflation;
import org.memvirt.viewmodel.memory.MemoryAnimation.CowSplit;
import org.memvirt.viewmodel.memory.MemoryAnimation.GuestSwapOut;
import org.memvirt.viewmodel.memory.MemoryAnimation.HostGiveBack;
import org.memvirt.viewmodel.memory.MemoryAnimation.HostSwapIn;
import org.memvirt.viewmodel.memory.MemoryAnimation.HostSwapOut;
import org.memvirt.viewmodel.memory.MemoryAnimation.HostTake;
import org.memvirt.viewmodel.memory.MemoryAnimation.Merge;

/** Each kind of reclamation event becomes the movement the screen animates, checked against both pictures. */
class AnimationPlannerTest {
    private static final List<StepFrame> LESSON = MemoryScenario.playedLesson();

    private record Planned(MemoryPicture before, MemoryPicture after, List<AnimationPhase> phases,
                           List<Event> events) {
        <T> List<T> items(Class<T> type) {
            return phases.stream().flatMap(p -> p.items().stream()).filter(type::isInstance).map(type::cast).toList();
        }

        <T extends Event> List<T> events(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    private static Planned plan(int k) {
        MemoryPicture before = MemoryPictureTest.picture(k - 1);
        MemoryPicture after = MemoryPictureTest.picture(k);
        List<Event> events = LESSON.get(k).events();
        return new Planned(before, after, AnimationPlanner.phases(events, before, after), events);
    }

    @Test
    void aMergeMovesTheFreedFrameIntoTheSharedOneWithItsReferenceCount() {
        Planned p = plan(MemoryScenario.AFTER_SHARING);
        List<Merge> merges = p.items(Merge.class);
        List<PageMerge> events = p.events(PageMerge.class);

        assertEquals(events.size(), merges.size());
        for (int i = 0; i < merges.size(); i++) {
            Merge m = merges.get(i);
            PageMerge e = events.get(i);
            assertEquals(new Merge(e.vm(), (int) (e.gpa() >>> 12), e.frame(), e.freedFrame(), e.refs()), m);
            assertEquals(FrameCategory.SHARED, p.after().frames().category(m.sharedFrame()));
            if (m.freedFrame() >= 0) {
                assertEquals(FrameCategory.DATA, p.before().frames().category(m.freedFrame()), "was VM data");
                assertEquals(FrameCategory.FREE, p.after().frames().category(m.freedFrame()), "now free");
            }
        }
        long freed = merges.stream().filter(m -> m.freedFrame() >= 0).count();
        assertEquals(p.events(FrameFree.class).size(), freed);
        assertEquals(1, p.phases().size(), "one phase: all merges together");
        assertTrue(p.phases().get(0).caption().contains(Numbers.count(freed) + " frames freed"),
                p.phases().get(0).caption());
    }

    @Test
    void aCopyOnWriteBreakSplitsTheSharedFrame() {
        Planned p = plan(MemoryScenario.COPY_ON_WRITE);
        CowBreak e = p.events(CowBreak.class).get(0);

        assertEquals(List.of(new CowSplit(2, (int) (e.gpa() >>> 12), e.sharedFrame(), e.newFrame(), e.refsLeft())),
                p.items(CowSplit.class));
        assertEquals(FrameCategory.FREE, p.before().frames().category(e.newFrame()));
        assertEquals(FrameCategory.DATA, p.after().frames().category(e.newFrame()));
        assertEquals(e.refsLeft(), p.after().frames().frame(e.sharedFrame()).refs());
        assertEquals(e.refsLeft() + 1, p.before().frames().frame(e.sharedFrame()).refs());
        int gfn = (int) (e.gpa() >>> 12);
        assertEquals(GuestPageState.SHARED, p.before().strip(2).state(gfn));
        assertEquals(GuestPageState.DATA, p.after().strip(2).state(gfn));
        assertEquals(e.newFrame(), p.after().strip(2).frameOf(gfn));
    }

    @Test
    void balloonInflationMovesFreePagesIntoTheBalloonAndFreesTheFramesBehindThem() {
        Planned p = plan(MemoryScenario.BALLOON);
        List<BalloonInflation> items = p.items(BalloonInflation.class);
        List<BalloonInflate> events = p.events(BalloonInflate.class);

        assertEquals(events.size(), items.size());
        int freed = 0;
        for (int i = 0; i < items.size(); i++) {
            BalloonInflation b = items.get(i);
            BalloonInflate e = events.get(i);
            assertEquals(e.gfns().stream().map(Long::intValue).toList(), b.gfns());
            assertEquals(e.framesFreed(), b.freedFrames().size());
            assertEquals(e.balloonSize(), b.balloonAfter());
            for (int gfn : b.gfns()) {
                GuestPageState was = p.before().strip(3).state(gfn);
                assertTrue(was == GuestPageState.FREE || was == GuestPageState.FREE_BACKED,
                        "from the free list: " + was);
                assertEquals(GuestPageState.BALLOON, p.after().strip(3).state(gfn));
            }
            for (int pfn : b.freedFrames()) {
                assertEquals(FrameCategory.FREE, p.after().frames().category(pfn));
                assertTrue(p.before().frames().frame(pfn).vm() == 3
                        || p.before().frames().category(pfn) == FrameCategory.SHARED, "a frame behind VM 3's page");
            }
            freed += b.freedFrames().size();
        }
        assertEquals(120, freed, "the 120 pages the guest had swapped out were still backed");
        assertEquals(0, items.get(0).balloonBefore());
        assertEquals(150, items.get(items.size() - 1).balloonAfter());
        assertEquals("Balloon inflates: VM 3 handed 150 pages to the host, which freed 120 frames.",
                p.phases().get(0).caption());
    }

    @Test
    void underPressureTheHostTakesFramesThenSwapsPagesToItsSwapDevice() {
        Planned p = plan(MemoryScenario.MORE_PRESSURE);
        List<HostSwapOut> outs = p.items(HostSwapOut.class);
        List<SwapOut> events = p.events(SwapOut.class).stream().filter(s -> s.swapper() == Swapper.HOST).toList();

        assertTrue(p.phases().get(0).items().get(0) instanceof HostTake, "the host takes its frames first");
        assertEquals(126, p.items(HostTake.class).get(0).frames().size());
        assertEquals(events.size(), outs.size());
        for (HostSwapOut s : outs) {
            assertEquals(new GuestRef(s.vm(), s.gfn()), p.after().swap().slot(s.slot()), "the slot holds the page");
            assertEquals(GuestPageState.HOST_SWAPPED, p.after().strip(s.vm()).state(s.gfn()));
            assertEquals(s.vm(), p.before().frames().frame(s.frame()).vm(), "the frame was the VM's");
        }
        assertTrue(p.phases().get(1).caption().startsWith("Host swapping: " + outs.size() + " pages"),
                p.phases().get(1).caption());
    }

    @Test
    void aTouchOfHostSwappedPagesReadsThemBackFromTheirSlots() {
        Planned p = plan(MemoryScenario.SWAP_IN);
        List<HostSwapIn> ins = p.items(HostSwapIn.class);

        assertEquals(p.events(SwapIn.class).size(), ins.size());
        assertEquals(110, ins.size());
        for (HostSwapIn s : ins) {
            assertEquals(new GuestRef(s.vm(), s.gfn()), p.before().swap().slot(s.slot()));
            assertEquals(null, p.after().swap().slot(s.slot()), "the slot is empty again");
            assertEquals(s.frame(), p.after().strip(s.vm()).frameOf(s.gfn()));
        }
    }

    @Test
    void theGuestsOwnSwapFreesGuestPagesButNoFrames() {
        Planned p = plan(MemoryScenario.GUEST_SWAP);
        List<GuestSwapOut> outs = p.items(GuestSwapOut.class);

        assertEquals(120, outs.size());
        outs.forEach(o -> assertEquals(GuestPageState.FREE_BACKED, p.after().strip(3).state(o.gfn())));
        assertEquals(p.before().frames().count(FrameCategory.FREE), p.after().frames().count(FrameCategory.FREE));
    }

    @Test
    void framesTheHostGivesBackAreOneMovement() {
        Planned p = plan(MemoryScenario.RELEASE);

        assertEquals(1, p.phases().size());
        HostGiveBack g = (HostGiveBack) p.phases().get(0).items().get(0);
        assertEquals(2000, g.frames().size());
        assertEquals("The host gave 2,000 frames back.", p.phases().get(0).caption());
    }

    @Test
    void aFirstTouchBacksGuestPagesWithFreeFrames() {
        Planned p = plan(2);
        List<MemoryAnimation.Backed> backed = p.items(MemoryAnimation.Backed.class);

        assertEquals(100, backed.size(), "VM 2's zero pages were not backed before");
        for (MemoryAnimation.Backed b : backed) {
            assertEquals(FrameCategory.FREE, p.before().frames().category(b.frame()));
            assertEquals(b.frame(), p.after().strip(2).frameOf(b.gfn()));
            assertEquals(GuestPageState.NOT_BACKED, p.before().strip(2).state(b.gfn()));
        }
        assertEquals("First touch: 100 guest pages of VM 2 backed by new host frames (an EPT violation each).",
                p.phases().get(0).caption());
    }

    @Test
    void stepsThatMoveNoMemoryHaveNoPhases() {
        assertTrue(plan(MemoryScenario.FIRST_SCAN).phases().isEmpty(), "a scan that only records hints");
        assertTrue(plan(5).phases().isEmpty(), "touching pages that are backed already");
    }
}
