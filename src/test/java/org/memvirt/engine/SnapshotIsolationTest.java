package org.memvirt.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.memvirt.engine.Rigs.GVA;
import static org.memvirt.engine.Rigs.URW;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.memory.Frame;
import org.memvirt.engine.memory.MemoryImage;
import org.memvirt.engine.memory.Page;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.MmuConfig;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.mmu.TranslationCache;
import org.memvirt.engine.paging.EptEntry;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;

/**
 * The player keeps every step's snapshot, so a snapshot must never change after it is taken:
 * not when later steps set A/D bits, store data, remap pages, edit the EPT, back new memory or
 * fill caches.
 */
class SnapshotIsolationTest {

    /** A deep copy of everything a snapshot shows, taken when the snapshot was made. */
    private record Copy(TreeMap<Integer, long[]> words, TreeMap<Integer, Frame> frames, int used,
                        CounterSnapshot counters, List<VmImage> vms, List<TranslationCache.CachedTranslation> tlb,
                        List<TranslationCache.CachedTranslation> walkCache,
                        List<TranslationCache.CachedTranslation> nestedTlb) {

        static Copy of(MachineSnapshot s) {
            MemoryImage image = s.memory();
            TreeMap<Integer, long[]> words = new TreeMap<>();
            TreeMap<Integer, Frame> frames = new TreeMap<>();
            for (int pfn = 0; pfn < image.frameCount(); pfn++) {
                Frame f = image.frame(pfn);
                Page p = image.page(pfn);
                if (!f.isFree() || !p.isZero()) {
                    frames.put(pfn, f);
                    long[] w = new long[Page.WORDS];
                    for (int i = 0; i < Page.WORDS; i++) {
                        w[i] = p.word(i);
                    }
                    words.put(pfn, w);
                }
            }
            return new Copy(words, frames, image.usedFrames(), s.counters(), List.copyOf(s.vms()),
                    s.caches().tlb().entries(), s.caches().walkCache().entries(), s.caches().nestedTlb().entries());
        }

        void assertStillShownBy(MachineSnapshot s, String which) {
            MemoryImage image = s.memory();
            assertEquals(used, image.usedFrames(), which + ": used frames");
            for (int pfn = 0; pfn < image.frameCount(); pfn++) {
                Frame f = image.frame(pfn);
                Page p = image.page(pfn);
                long[] w = words.get(pfn);
                if (w == null) {
                    assertTrue(f.isFree(), which + ": frame " + pfn + " was free");
                    assertTrue(p.isZero(), which + ": frame " + pfn + " was zero");
                    continue;
                }
                assertEquals(frames.get(pfn), f, which + ": owner of frame " + pfn);
                for (int i = 0; i < Page.WORDS; i++) {
                    assertEquals(w[i], p.word(i), which + ": frame " + pfn + " word " + i);
                }
            }
            assertEquals(counters, s.counters(), which + ": counters");
            assertEquals(vms, s.vms(), which + ": VMs");
            assertEquals(tlb, s.caches().tlb().entries(), which + ": TLB");
            assertEquals(walkCache, s.caches().walkCache().entries(), which + ": walk cache");
            assertEquals(nestedTlb, s.caches().nestedTlb().entries(), which + ": nested TLB");
        }
    }

    private static Machine machine() {
        return new Machine(Rigs.nested(4, 4, PageSize.SIZE_4K).withHostFrames(2048).withDemandPaging(true)
                .withEptAccessDirty(true).withMmu(MmuConfig.defaults().withTlb(true).withWalkCache(true)));
    }

    @Test
    void laterStepsDoNotChangeAnEarlierSnapshot() {
        Machine m = machine();
        int pid = m.createProcess(1);
        long gpaA = m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);
        long gpaB = m.mapPage(1, pid, GVA + 0x1000, PageSize.SIZE_4K, URW);
        StepResult first = m.step(new Action.Access(1, GVA, AccessKind.READ, Privilege.USER, 0));
        MachineSnapshot before = first.snapshot();
        Copy copy = Copy.of(before);
        long hpaA = new ReferenceWalker(before.memory()).eptTranslate(before.vm(1).eptRoot(), 4, gpaA);
        long dataA = before.memory().readWord(hpaA);

        // Stores set D bits and data; a remap without INVLPG; INVLPG; an EPT edit; a new page.
        m.step(new Action.Access(1, GVA + 0x10, AccessKind.WRITE, Privilege.USER, 0xCAFE));
        m.step(new Action.Access(1, GVA + 0x1000, AccessKind.WRITE, Privilege.USER, 0xF00D));
        m.step(new Action.WriteGuestEntry(1, pid, GVA, 1, X86Entry.leaf(gpaB, 1, URW)));
        m.step(new Action.Access(1, GVA, AccessKind.WRITE, Privilege.USER, 0xBEEF));
        m.step(new Action.Invlpg(1, GVA));
        m.step(new Action.Access(1, GVA, AccessKind.WRITE, Privilege.USER, 0xD00D));
        m.step(new Action.MapPage(1, pid, GVA + 0x40_0000, PageSize.SIZE_4K, URW));
        m.step(new Action.Access(1, GVA + 0x40_0000, AccessKind.WRITE, Privilege.USER, 1));
        m.step(new Action.WriteEptEntry(1, gpaA, 1, hpaA | EptEntry.R | (6L << 3)));
        m.step(new Action.FlushTlb(1));
        StepResult last = m.step(new Action.Access(1, GVA + 0x1000, AccessKind.READ, Privilege.USER, 0));

        copy.assertStillShownBy(before, "the first step's snapshot");
        assertEquals(dataA, before.memory().readWord(hpaA));
        assertEquals(0, before.memory().readWord(hpaA + 0x10));
        assertEquals(0xCAFE, last.snapshot().memory().readWord(hpaA + 0x10), "the live machine did change");
        assertNotEquals(before.counters(), last.snapshot().counters());
        assertEquals(1, before.step());
        assertEquals(12, last.snapshot().step());
    }

    /** Every step of a seeded random session keeps its snapshot intact to the end (the player's history). */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void wholeHistoryStaysIntact(long seed) {
        Random rnd = new Random(seed);
        Machine m = machine();
        int pid = m.createProcess(1);
        List<Long> pages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long gva = GVA + ((long) rnd.nextInt(1024) << 12);
            if (!pages.contains(gva)) {
                m.mapPage(1, pid, gva, PageSize.SIZE_4K, URW);
                pages.add(gva);
            }
        }
        List<MachineSnapshot> history = new ArrayList<>();
        List<Copy> copies = new ArrayList<>();
        history.add(m.snapshot());
        copies.add(Copy.of(history.get(0)));
        for (int step = 0; step < 40; step++) {
            long gva = pages.get(rnd.nextInt(pages.size())) + (rnd.nextInt(512) << 3);
            Action action = switch (rnd.nextInt(6)) {
                case 0 -> new Action.Invlpg(1, gva);
                case 1 -> new Action.WriteGuestEntry(1, pid, gva, 1,
                        X86Entry.leaf((2L << 20) + ((long) rnd.nextInt(16) << 12), 1, URW));
                case 2 -> new Action.Access(1, gva, AccessKind.READ, Privilege.USER, 0);
                default -> new Action.Access(1, gva, AccessKind.WRITE, Privilege.USER, rnd.nextLong());
            };
            MachineSnapshot s = m.step(action).snapshot();
            history.add(s);
            copies.add(Copy.of(s));
        }
        for (int i = 0; i < history.size(); i++) {
            copies.get(i).assertStillShownBy(history.get(i), "seed " + seed + ", snapshot " + i);
        }
    }

    @Test
    void snapshotsSharePagesThatDidNotChange() {
        Machine m = machine();
        int pid = m.createProcess(1);
        m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);
        m.step(new Action.Access(1, GVA, AccessKind.WRITE, Privilege.USER, 1));
        MachineSnapshot a = m.snapshot();
        MachineSnapshot b = m.step(new Action.FlushTlb(1)).snapshot();
        for (int pfn = 0; pfn < a.memory().frameCount(); pfn++) {
            if (!a.memory().page(pfn).isZero()) {
                assertEquals(a.memory().page(pfn), b.memory().page(pfn), "frame " + pfn + " is shared, not copied");
            }
        }
    }
}
