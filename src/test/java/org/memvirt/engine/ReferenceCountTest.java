package org.memvirt.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.memvirt.engine.Rigs.GVA;
import static org.memvirt.engine.Rigs.URW;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.memvirt.engine.event.CacheKind;
import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.event.Dimension;
import org.memvirt.engine.event.LookupOutcome;
import org.memvirt.engine.event.TlbLookup;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.MmuConfig;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.EptEntry;
import org.memvirt.engine.paging.PageSize;

/**
 * How many memory references a translation costs (ENGINE-FACTS "The 2D (nested) walk"): n
 * natively; (n+1)(m+1) − 1 for an uncached nested walk, in QEMU's order; n_used + Σ dᵢ when large
 * pages end walks early; 0 on a TLB hit; fewer with the walk caches. Every nested case is also
 * compared reference by reference with {@link ReferenceWalker}.
 */
class ReferenceCountTest {

    private static StepResult read(Machine m, int vm, long gva) {
        return m.step(new Action.Access(vm, gva, AccessKind.READ, Privilege.USER, 0));
    }

    @Test
    void nested4x4WalkIs24ReferencesInHardwareOrder() {
        Machine m = new Machine(Rigs.nested(4, 4, PageSize.SIZE_4K));
        int pid = m.createProcess(1);
        long gpa = m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);
        ReferenceWalker.Walk model = Rigs.nestedWalk(m, GVA + 0x123);

        StepResult r = read(m, 1, GVA + 0x123);

        List<WalkStep> steps = Rigs.events(r, WalkStep.class);
        assertEquals(24, steps.size(), "4/4 nested walk: 4·4 + 4 + 4 references");
        int i = 0;
        for (int g = 4; g >= 1; g--) {
            for (int h = 4; h >= 1; h--) {
                WalkStep s = steps.get(i++);
                assertEquals(Dimension.HOST, s.dimension(), "reference " + i);
                assertEquals(h, s.level(), "reference " + i);
                assertEquals(g, s.forGuestLevel(), "reference " + i + " locates the guest level-" + g + " table");
                assertEquals(i, s.reference());
            }
            WalkStep guest = steps.get(i++);
            assertEquals(Dimension.GUEST, guest.dimension(), "reference " + i);
            assertEquals(g, guest.level(), "reference " + i);
            assertEquals(i, guest.reference());
        }
        for (int h = 4; h >= 1; h--) {
            WalkStep s = steps.get(i++);
            assertEquals(Dimension.HOST, s.dimension(), "reference " + i);
            assertEquals(h, s.level(), "reference " + i);
            assertEquals(0, s.forGuestLevel(), "reference " + i + " translates the data address");
        }
        // The guest's first table is CR3 itself, a GPA: its host walk comes first.
        assertEquals(m.snapshot().vm(1).cr3(), steps.get(4).tableAddress());
        assertEquals(model.refs(), Rigs.refs(r));

        Translated t = Rigs.only(r, Translated.class);
        assertEquals(24, t.references());
        assertEquals(gpa + 0x123, t.gpa());
        assertEquals(model.hpa(), t.hpa());
        CounterSnapshot c = r.snapshot().counters();
        assertEquals(24, c.walkRefs());
        assertEquals(4, c.guestRefs());
        assertEquals(20, c.hostRefs());
        assertEquals(0, c.guestFaults());
        assertEquals(0, c.totalVmExits());
    }

    @ParameterizedTest(name = "guest {0} levels, host {1} levels -> {2} references")
    @CsvSource({"4,4,24", "5,5,35", "4,5,29", "5,4,29"})
    void uncachedNestedWalkIsNPlusOneTimesMPlusOneMinusOne(int n, int m, int expected) {
        assertEquals((n + 1) * (m + 1) - 1, expected);
        Machine machine = new Machine(Rigs.nested(n, m, PageSize.SIZE_4K));
        int pid = machine.createProcess(1);
        long gva = n == 5 ? 0x00AB_7F12_3456_7000L : GVA;
        long gpa = machine.mapPage(1, pid, gva, PageSize.SIZE_4K, URW);
        ReferenceWalker.Walk model = Rigs.nestedWalk(machine, gva + 8);

        StepResult r = read(machine, 1, gva + 8);

        Translated t = Rigs.only(r, Translated.class);
        assertEquals(expected, t.references());
        assertEquals(expected, r.snapshot().counters().walkRefs());
        assertEquals(n, r.snapshot().counters().guestRefs());
        assertEquals(n * m + m, r.snapshot().counters().hostRefs());
        assertEquals(model.refs(), Rigs.refs(r));
        assertEquals(gpa + 8, t.gpa());
        assertEquals(model.hpa(), t.hpa());
    }

    @ParameterizedTest(name = "native {0} levels -> {0} references")
    @CsvSource({"4", "5"})
    void nativeWalkIsNReferences(int n) {
        Machine m = new Machine(Rigs.flat(n));
        int pid = m.createProcess(0);
        long pa = m.mapPage(0, pid, GVA, PageSize.SIZE_4K, URW);
        ReferenceWalker.Walk model = Rigs.flatWalk(m, GVA + 0x10);

        StepResult r = read(m, 0, GVA + 0x10);

        Translated t = Rigs.only(r, Translated.class);
        assertEquals(n, t.references());
        assertEquals(n, r.snapshot().counters().nativeRefs());
        assertEquals(n, r.snapshot().counters().walkRefs());
        assertEquals(model.refs(), Rigs.refs(r));
        assertEquals(pa + 0x10, t.hpa());
        assertEquals(pa + 0x10, t.gpa());
    }

    @ParameterizedTest(name = "native {0} levels, {1} page -> {2} references")
    @CsvSource({"4,SIZE_2M,3", "5,SIZE_2M,4", "4,SIZE_1G,2"})
    void nativeLargePageEndsTheWalkEarly(int n, PageSize size, int expected) {
        Machine m = new Machine(Rigs.flat(n).withHostFrames(size == PageSize.SIZE_1G ? Rigs.FRAMES_FOR_1G : 1 << 15));
        int pid = m.createProcess(0);
        long va = size == PageSize.SIZE_1G ? 0x0000_7F00_0000_0000L : 0x0000_7F12_3440_0000L;
        long pa = m.mapPage(0, pid, va, size, URW);

        StepResult r = read(m, 0, va + 0x1234);

        Translated t = Rigs.only(r, Translated.class);
        assertEquals(expected, t.references());
        assertEquals(pa + 0x1234, t.hpa());
        assertEquals(Rigs.flatWalk(m, va + 0x1234).refs(), Rigs.refs(r));
    }

    @Test
    void guest2MiBLeafOver4KiBEptIs19() {
        Machine m = new Machine(Rigs.nested(4, 4, PageSize.SIZE_4K));
        int pid = m.createProcess(1);
        long gva = 0x0000_7F12_3440_0000L;
        long gpa = m.mapPage(1, pid, gva, PageSize.SIZE_2M, URW);
        ReferenceWalker.Walk model = Rigs.nestedWalk(m, gva + 0x12_3458);

        StepResult r = read(m, 1, gva + 0x12_3458);

        // 3 guest entries (PML4, PDPT, PD with PS) and 4 GPAs (3 tables + data), each 4 host references.
        Translated t = Rigs.only(r, Translated.class);
        assertEquals(19, t.references());
        assertEquals(3 + 4 * 4, t.references());
        assertEquals(3, r.snapshot().counters().guestRefs());
        assertEquals(16, r.snapshot().counters().hostRefs());
        assertEquals(model.refs(), Rigs.refs(r));
        assertEquals(gpa + 0x12_3458, t.gpa());
        assertEquals(model.hpa(), t.hpa());
        assertEquals("4K", t.pageSize(), "the TLB can hold only the smaller of the two pages");
    }

    @Test
    void guest4KiBOver2MiBEptIs19() {
        Machine m = new Machine(Rigs.nested(4, 4, PageSize.SIZE_2M));
        int pid = m.createProcess(1);
        long gpa = m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);
        ReferenceWalker.Walk model = Rigs.nestedWalk(m, GVA);

        StepResult r = read(m, 1, GVA);

        // 4 guest entries and 5 GPAs, each host walk ends at the EPT PD (3 references).
        Translated t = Rigs.only(r, Translated.class);
        assertEquals(19, t.references());
        assertEquals(4 + 5 * 3, t.references());
        assertEquals(4, r.snapshot().counters().guestRefs());
        assertEquals(15, r.snapshot().counters().hostRefs());
        assertEquals(model.refs(), Rigs.refs(r));
        assertEquals(gpa, t.gpa());
        assertEquals(model.hpa(), t.hpa());
    }

    static Stream<Arguments> pageSizeCombinations() {
        List<Arguments> all = new ArrayList<>();
        for (int n : new int[] {4, 5}) {
            for (int m : new int[] {4, 5}) {
                for (PageSize guest : PageSize.values()) {
                    for (PageSize host : PageSize.values()) {
                        all.add(Arguments.of(n, m, guest, host));
                    }
                }
            }
        }
        return all.stream();
    }

    /** The general form: n_used + Σ dᵢ over the n_used + 1 translated GPAs. */
    @ParameterizedTest(name = "guest {0} levels {2} pages, host {1} levels {3} pages")
    @MethodSource("pageSizeCombinations")
    void largePagesShortenTheirOwnDimension(int n, int m, PageSize guestPage, PageSize hostPage) {
        Machine machine = new Machine(Rigs.nested(n, m, hostPage));
        int pid = machine.createProcess(1);
        long gva = (n == 5 ? 0x00AB_7F12_3456_7000L : GVA) & ~guestPage.offsetMask();
        long gpa = 3L << 30; // 1 GiB aligned, far above the guest's tables
        machine.mapPageTo(1, pid, gva, gpa, guestPage, URW);
        long offset = 0x1238 & guestPage.offsetMask() | (guestPage.offsetMask() & 0x2_5000);
        machine.backGuestPhysical(1, gpa + offset);
        ReferenceWalker.Walk model = Rigs.nestedWalk(machine, gva + offset);

        StepResult r = read(machine, 1, gva + offset);

        int nUsed = n - (guestPage.leafLevel() - 1);
        int depth = m - (hostPage.leafLevel() - 1);
        int expected = nUsed + (nUsed + 1) * depth;
        Translated t = Rigs.only(r, Translated.class);
        assertEquals(expected, t.references(), "n_used " + nUsed + " + " + (nUsed + 1) + " GPAs x depth " + depth);
        assertEquals(model.formula(), expected);
        assertEquals(model.refs(), Rigs.refs(r));
        assertEquals(gpa + offset, t.gpa());
        assertEquals(model.hpa(), t.hpa());
        assertEquals(PageSize.min(guestPage, hostPage).label(), t.pageSize());
        if (n == 4 && m == 4) {
            int named = switch (guestPage.label() + "/" + hostPage.label()) {
                case "4K/4K" -> 24;
                case "2M/4K", "4K/2M" -> 19;
                case "2M/2M" -> 15;
                case "1G/4K", "4K/1G" -> 14;
                case "1G/2M", "2M/1G" -> 11;
                case "1G/1G" -> 8;
                default -> throw new AssertionError(guestPage + "/" + hostPage);
            };
            assertEquals(named, t.references());
        }
    }

    /**
     * Host depths need not be equal: here the guest tables sit behind 4 KiB EPT pages (depth 4)
     * while the hypervisor maps the data's 2 MiB region with one EPT PD leaf (depth 3), so
     * refs = 4 + (4 + 4 + 4 + 4) + 3 = 23.
     */
    @Test
    void hostDepthIsCountedPerGuestPhysicalAddress() {
        Machine m = new Machine(Rigs.nested(4, 4, PageSize.SIZE_4K));
        int pid = m.createProcess(1);
        long gpa = 2L << 30;
        m.mapPageTo(1, pid, GVA, gpa, PageSize.SIZE_4K, URW);
        m.backGuestPhysical(1, gpa);
        long big = HostMemory.addressOf(m.memory().allocateAligned(512, FrameUse.DATA, 1));
        long pdLeaf = big | EptEntry.RWX | ((long) EptEntry.MEMTYPE_WB << EptEntry.MEMTYPE_SHIFT) | EptEntry.LARGE;
        m.step(new Action.WriteEptEntry(1, gpa, 2, pdLeaf));
        ReferenceWalker.Walk model = Rigs.nestedWalk(m, GVA + 0x40);
        assertEquals(List.of(4, 4, 4, 4, 3), model.hostDepths());

        StepResult r = read(m, 1, GVA + 0x40);

        Translated t = Rigs.only(r, Translated.class);
        assertEquals(23, t.references());
        assertEquals(model.refs(), Rigs.refs(r));
        assertEquals(big + 0x40, t.hpa());
    }

    @Test
    void tlbHitCostsNoReferences() {
        Machine m = new Machine(Rigs.nested(4, 4, PageSize.SIZE_4K)
                .withMmu(MmuConfig.defaults().withTlb(true).withWalkCache(false)));
        int pid = m.createProcess(1);
        m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);

        StepResult first = read(m, 1, GVA + 0x10);
        StepResult second = read(m, 1, GVA + 0x18);

        assertEquals(LookupOutcome.MISS, Rigs.only(first, TlbLookup.class).outcome());
        assertEquals(24, Rigs.only(first, Translated.class).references());
        TlbLookup hit = Rigs.only(second, TlbLookup.class);
        assertEquals(CacheKind.TLB, hit.cache());
        assertEquals(LookupOutcome.HIT, hit.outcome());
        assertTrue(Rigs.events(second, WalkStep.class).isEmpty(), Rigs.describe(second));
        Translated t = Rigs.only(second, Translated.class);
        assertEquals(0, t.references());
        assertEquals(Rigs.only(first, Translated.class).hpa() + 8, t.hpa());
        CounterSnapshot c = second.snapshot().counters();
        assertEquals(24, c.walkRefs(), "the hit added nothing");
        assertEquals(1, c.tlbHits());
        assertEquals(1, c.tlbMisses());
    }

    /**
     * TLB off, walk cache (and nested TLB) on. The first access misses everywhere: 24. It leaves
     * the guest's PML4E, PDPTE and PDE in the page-walk cache and all five GPAs (four tables, the
     * data page) in the nested TLB. The neighbouring page shares every table down to the PT, so
     * the walk cache hands over the PT's GPA (skipping guest levels 4..2), the nested TLB turns that
     * GPA into an HPA with no host reference, the PTE read is 1 reference, and only the new data
     * page's GPA needs a full host walk: 4. Total 1 + 4 = 5.
     */
    @Test
    void walkCacheRemovesReferencesOnTheNeighbouringPage() {
        Machine m = new Machine(Rigs.nested(4, 4, PageSize.SIZE_4K)
                .withMmu(MmuConfig.defaults().withTlb(false).withWalkCache(true)));
        int pid = m.createProcess(1);
        m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);
        m.mapPage(1, pid, GVA + 0x1000, PageSize.SIZE_4K, URW);
        ReferenceWalker.Walk model = Rigs.nestedWalk(m, GVA + 0x1000);

        StepResult first = read(m, 1, GVA);
        StepResult second = read(m, 1, GVA + 0x1000);

        assertEquals(24, Rigs.only(first, Translated.class).references());
        Translated t = Rigs.only(second, Translated.class);
        assertEquals(5, t.references(), Rigs.describe(second));
        assertEquals(model.hpa(), t.hpa());
        List<WalkStep> steps = Rigs.events(second, WalkStep.class);
        assertEquals(Dimension.GUEST, steps.get(0).dimension());
        assertEquals(1, steps.get(0).level(), "the walk cache supplied everything above the PT");
        for (WalkStep s : steps.subList(1, 5)) {
            assertEquals(Dimension.HOST, s.dimension());
            assertEquals(0, s.forGuestLevel());
        }
        TlbLookup walkCache = Rigs.events(second, TlbLookup.class).stream()
                .filter(l -> l.cache() == CacheKind.WALK_CACHE).findFirst().orElseThrow();
        assertEquals(LookupOutcome.HIT, walkCache.outcome());
        assertEquals(2, walkCache.level(), "the PDE was the deepest entry supplied");
        assertEquals(29, second.snapshot().counters().walkRefs());
    }

    /** Natively the walk cache leaves only the PTE read for the neighbouring page. */
    @Test
    void walkCacheLeavesOneReferenceNatively() {
        Machine m = new Machine(Rigs.flat(4).withMmu(MmuConfig.defaults().withTlb(false).withWalkCache(true)));
        int pid = m.createProcess(0);
        m.mapPage(0, pid, GVA, PageSize.SIZE_4K, URW);
        long pa = m.mapPage(0, pid, GVA + 0x1000, PageSize.SIZE_4K, URW);

        read(m, 0, GVA);
        StepResult second = read(m, 0, GVA + 0x1000);

        Translated t = Rigs.only(second, Translated.class);
        assertEquals(1, t.references());
        assertEquals(pa, t.hpa());
    }
}
