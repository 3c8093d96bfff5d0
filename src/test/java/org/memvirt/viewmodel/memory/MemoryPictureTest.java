package org.memvirt.viewmodel.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.memvirt.engine.Action;
import org.memvirt.engine.Machine;
import org.memvirt.engine.MachineConfig;
import org.memvirt.engine.StepResult;
import org.memvirt.engine.VmMemory;
import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.memory.Frame;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;
import org.memvirt.engine.reclaim.ReclaimConfig;
import org.memvirt.viewmodel.StepFrame;

/**
 * The pictures drawn from real snapshots agree with the engine: every frame counted once in the
 * right category, category counts equal to the counters, guest strips equal to each VM's figures.
 */
class MemoryPictureTest {
    private static final List<StepFrame> LESSON = MemoryScenario.playedLesson();

    static java.util.stream.IntStream steps() {
        return java.util.stream.IntStream.range(0, LESSON.size());
    }

    /** The picture of step {@code k}, with the swap device folded from steps 0..k as the screen does. */
    static MemoryPicture picture(int k) {
        SwapDevice swap = SwapDevice.EMPTY;
        for (int i = 0; i <= k; i++) {
            swap = swap.after(LESSON.get(i).events());
        }
        return MemoryPicture.of(LESSON.get(k), swap);
    }

    @ParameterizedTest(name = "step {0}: frame categories add up to the counters")
    @MethodSource("steps")
    void frameCategoriesEqualTheCounters(int k) {
        MemoryPicture p = picture(k);
        CounterSnapshot c = LESSON.get(k).snapshot().counters();
        FrameMap map = p.frames();

        assertEquals(c.hostFramesFree(), map.count(FrameCategory.FREE), "free frames");
        assertEquals(c.hostFramesUsed(), map.frameCount() - map.count(FrameCategory.FREE), "used frames");
        assertEquals(c.sharedFrames(), map.count(FrameCategory.SHARED), "shared frames");
        int sum = 0;
        for (FrameCategory category : FrameCategory.values()) {
            sum += map.count(category);
        }
        assertEquals(map.frameCount(), sum, "every frame in exactly one category");
    }

    @ParameterizedTest(name = "step {0}: each VM's data and table frames are its P")
    @MethodSource("steps")
    void eachVmsPrivateFramesAreItsAllocatedPages(int k) {
        MemoryPicture p = picture(k);
        for (GuestStrip s : p.strips()) {
            int tables = 0;
            for (int pfn = 0; pfn < p.frames().frameCount(); pfn++) {
                Frame f = p.frames().frame(pfn);
                if (f.use() == FrameUse.GUEST_TABLE && f.vm() == s.vm()) {
                    tables++;
                }
            }
            assertEquals(s.memory().allocatedPages(), p.frames().dataFrames(s.vm()) + tables, "VM " + s.vm());
        }
    }

    @ParameterizedTest(name = "step {0}: guest strips agree with each VM's figures")
    @MethodSource("steps")
    void guestStripsAgreeWithTheVmFigures(int k) {
        MemoryPicture p = picture(k);
        assertEquals(3, p.strips().size());
        for (GuestStrip s : p.strips()) {
            VmMemory m = s.memory();
            assertEquals(m.ramPages(), s.pageCount());
            assertEquals(m.balloonPages(), s.count(GuestPageState.BALLOON), "VM " + s.vm() + " balloon");
            assertEquals(m.hostSwappedPages(), s.count(GuestPageState.HOST_SWAPPED), "VM " + s.vm() + " host-swapped");
            assertEquals(m.hostSwappedPages(), p.swap().used(s.vm()), "VM " + s.vm() + " slots on the swap device");
            assertEquals(m.freePages(), s.count(GuestPageState.FREE) + s.count(GuestPageState.FREE_BACKED),
                    "VM " + s.vm() + " free pages");
            assertEquals(GuestStrip.FIRST_USABLE_GFN, s.count(GuestPageState.FIRMWARE));
        }
    }

    @ParameterizedTest(name = "step {0}: a frame's mappers are its owner, a shared frame's at most its references")
    @MethodSource("steps")
    void mappersMatchOwnersAndReferenceCounts(int k) {
        MemoryPicture p = picture(k);
        FrameMap map = p.frames();
        for (int pfn = 0; pfn < map.frameCount(); pfn++) {
            Frame f = map.frame(pfn);
            List<GuestRef> mappers = map.mappers(pfn);
            switch (f.use()) {
                case DATA, GUEST_TABLE -> {
                    assertTrue(mappers.size() <= 1, "private frame " + pfn + " mapped " + mappers);
                    for (GuestRef g : mappers) {
                        assertEquals(f.vm(), g.vm(), "frame " + pfn);
                    }
                }
                case SHARED -> assertTrue(!mappers.isEmpty() && mappers.size() <= f.refs(),
                        "shared frame " + pfn + " refs " + f.refs() + " mappers " + mappers);
                case FREE, EPT_TABLE, SHADOW_TABLE, HOST -> assertTrue(mappers.isEmpty(), "frame " + pfn);
            }
            for (GuestRef g : mappers) {
                assertEquals(pfn, p.strip(g.vm()).frameOf(g.gfn()), "the strip agrees about " + g);
            }
        }
    }

    @Test
    void aGuestPageOfTheFreeListWhoseFrameTheHostStillHoldsIsTold() {
        MemoryPicture p = picture(MemoryScenario.GUEST_SWAP);

        GuestStrip vm3 = p.strip(3);
        assertEquals(120, vm3.count(GuestPageState.FREE_BACKED),
                "the guest swapped 120 pages out; the host cannot know they are free");
        assertEquals(0, p.strip(1).count(GuestPageState.FREE_BACKED));
    }

    @Test
    void largePagesAreOneRecordButEveryPageOfThemIsShown() {
        Machine m = new Machine(MachineConfig.defaults().withHostFrames(4096).withDemandPaging(true)
                .withVmRam(List.of(8L << 20)).withReclaim(ReclaimConfig.defaults()));
        int pid = m.createProcess(1);
        long gva = 0x0000_0080_0000_0000L;
        m.mapPage(1, pid, gva, PageSize.SIZE_2M, X86Entry.P | X86Entry.RW | X86Entry.US);
        StepResult r = m.step(new Action.Access(1, gva, AccessKind.READ, Privilege.USER, 0));
        GuestStrip strip = MemoryPicture.of(new StepFrame(1, "", r.snapshot(), r.events()), SwapDevice.EMPTY).strip(1);

        int inLargePage = 0;
        for (int gfn = 0; gfn < strip.pageCount(); gfn++) {
            var page = strip.page(gfn);
            if (page != null && page.size() == PageSize.SIZE_2M) {
                inLargePage++;
                assertTrue(strip.state(gfn) == GuestPageState.DATA || strip.state(gfn) == GuestPageState.NOT_BACKED);
            }
        }
        assertEquals(512, inLargePage, "a 2 MiB page is 512 guest pages, each drawn");
    }

    @Test
    void aHostOf65536FramesIsOnePrimitiveArrayWithTheSameCounts() {
        var s = MemoryScenario.start(65536, 2, 16L << 20, 600);
        s.touchAll(1).touchAll(2).scan().scan().scan().scan();
        StepFrame last = s.frames().get(s.frames().size() - 1);
        MemoryPicture p = MemoryPicture.of(last, SwapDevice.EMPTY);

        assertEquals(65536, p.frames().looks().length);
        assertEquals(last.snapshot().counters().hostFramesFree(), p.frames().count(FrameCategory.FREE));
        assertEquals(last.snapshot().counters().sharedFrames(), p.frames().count(FrameCategory.SHARED));
        assertTrue(p.frames().count(FrameCategory.SHARED) > 0, "the scans merged something");
    }
}
