package org.memvirt.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.memvirt.engine.Rigs.GVA;
import static org.memvirt.engine.Rigs.URW;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.MmuConfig;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;

/**
 * The workload's counting mode ({@code run}, {@code access}: no events) must count exactly what
 * the recorded mode ({@code step}) counts, and leave memory in the same state: the command line's
 * figures and a lesson's counters come from the same machine.
 */
class CountingModeTest {

    private static List<Action> session(Random rnd, int pid, List<Long> pages) {
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long gva = pages.get(rnd.nextInt(pages.size())) + (rnd.nextInt(512) << 3);
            actions.add(switch (rnd.nextInt(10)) {
                case 0 -> new Action.Invlpg(1, gva);
                case 1 -> new Action.FlushTlb(1);
                case 2 -> new Action.WriteGuestEntry(1, pid, gva, 1,
                        X86Entry.leaf((3L << 20) + ((long) rnd.nextInt(64) << 12), 1, URW));
                case 3 -> new Action.Access(1, gva + (1L << 30), AccessKind.READ, Privilege.USER, 0);
                case 4, 5 -> new Action.Access(1, gva, AccessKind.WRITE, Privilege.USER, rnd.nextLong());
                default -> new Action.Access(1, gva, AccessKind.READ, Privilege.USER, 0);
            });
        }
        return actions;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void countingModeCountsWhatTheRecordedModeCounts(long seed) {
        MachineConfig config = Rigs.nested(4, 4, PageSize.SIZE_4K).withDemandPaging(true).withEptAccessDirty(true)
                .withMmu(MmuConfig.defaults().withTlb(true).withWalkCache(true)).withSeed(seed);
        Machine recorded = new Machine(config);
        Machine counted = new Machine(config);
        List<Long> pages = new ArrayList<>();
        Random setup = new Random(seed);
        for (int i = 0; i < 8; i++) {
            long gva = GVA + ((long) setup.nextInt(4096) << 12);
            if (!pages.contains(gva)) {
                pages.add(gva);
            }
        }
        int pid = 0;
        for (Machine m : List.of(recorded, counted)) {
            pid = m.createProcess(1);
            for (long gva : pages) {
                m.mapPage(1, pid, gva, PageSize.SIZE_4K, URW);
            }
        }
        for (Action a : session(new Random(seed), pid, pages)) {
            recorded.step(a);
            if (a instanceof Action.Access access && access.kind() == AccessKind.READ) {
                counted.access(access.vm(), access.gva(), access.kind(), access.privilege());
            } else {
                counted.run(a);
            }
        }
        MachineSnapshot r = recorded.snapshot();
        MachineSnapshot c = counted.snapshot();
        assertEquals(r.counters(), c.counters(), "seed " + seed);
        assertEquals(r.memory().usedFrames(), c.memory().usedFrames(), "seed " + seed);
        for (int pfn = 0; pfn < r.memory().frameCount(); pfn++) {
            assertEquals(r.memory().frame(pfn), c.memory().frame(pfn), "seed " + seed + ", frame " + pfn);
            assertTrue(r.memory().page(pfn).sameContents(c.memory().page(pfn)),
                    "seed " + seed + ", contents of frame " + pfn);
        }
    }
}
