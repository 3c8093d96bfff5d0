package org.memvirt.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.memvirt.engine.event.LookupOutcome;
import org.memvirt.engine.event.TlbLookup;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.MmuConfig;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.MappingConflict;
import org.memvirt.engine.paging.PageSize;

/**
 * Seeded randomized translation tables (a property test without a property-test library).
 * Each seed builds random guest mappings (4 or 5 levels, 4 KiB / 2 MiB / 1 GiB pages, random
 * canonical addresses, some packed near each other so tables are shared) over a random EPT
 * (4 or 5 levels, 4 KiB, 2 MiB or now and then 1 GiB host pages), then checks every access against
 * {@link ReferenceWalker}: the nested translation is the composition of the guest mapping the
 * test made and the EPT mapping the model walks itself, and the reference count is
 * n_used + Σ dᵢ. A failure names its seed; rerun that one case with
 * {@code -Dtest='RandomTranslationTest' -Dmemvirt.seed=N}.
 */
class RandomTranslationTest {
    private static final int ACCESSES = 16;

    static LongStream seeds() {
        String one = System.getProperty("memvirt.seed");
        return one != null ? LongStream.of(Long.parseLong(one)) : LongStream.rangeClosed(1, 200);
    }

    /**
     * One guest mapping the test made.
     *
     * @param gva  virtual page base
     * @param gpa  guest-physical page base (natively: physical)
     * @param size page size
     */
    record GuestMapping(long gva, long gpa, PageSize size) {
        boolean overlaps(long otherGva, PageSize otherSize) {
            long last = gva + size.offsetMask();
            long otherLast = otherGva + otherSize.offsetMask();
            return Long.compareUnsigned(gva, otherLast) <= 0 && Long.compareUnsigned(otherGva, last) <= 0;
        }
    }

    /**
     * One planned access.
     *
     * @param mapping which mapping
     * @param offset  offset inside its page (8-byte aligned)
     * @param kind    read or write
     * @param value   what a write stores
     */
    record PlannedAccess(GuestMapping mapping, long offset, AccessKind kind, long value) {
        long gva() {
            return mapping.gva() + offset;
        }

        long gpa() {
            return mapping.gpa() + offset;
        }
    }

    private static long canonical(Random rnd, int levels, PageSize size) {
        int bits = 12 + 9 * levels;
        long va = rnd.nextLong() & ((1L << bits) - 1);
        if ((va & (1L << (bits - 1))) != 0) {
            va |= -(1L << bits);
        }
        return va & ~size.offsetMask();
    }

    private static PageSize guestPageSize(Random rnd) {
        int p = rnd.nextInt(10);
        return p < 6 ? PageSize.SIZE_4K : p < 9 ? PageSize.SIZE_2M : PageSize.SIZE_1G;
    }

    /** A page-aligned virtual address: fresh, or inside the 1 GiB region of an earlier mapping. */
    private static long pickGva(Random rnd, int levels, PageSize size, List<GuestMapping> existing) {
        if (existing.isEmpty() || rnd.nextInt(3) == 0 || size == PageSize.SIZE_1G) {
            return canonical(rnd, levels, size);
        }
        GuestMapping near = existing.get(rnd.nextInt(existing.size()));
        long region = near.gva() & ~PageSize.SIZE_1G.offsetMask();
        long inside = rnd.nextInt(4) == 0 ? rnd.nextLong(PageSize.SIZE_1G.bytes())
                : (near.gva() & PageSize.SIZE_1G.offsetMask() & ~PageSize.SIZE_2M.offsetMask())
                        + rnd.nextLong(PageSize.SIZE_2M.bytes() * 2);
        return (region + (inside & PageSize.SIZE_1G.offsetMask())) & ~size.offsetMask();
    }

    private static List<PlannedAccess> planAccesses(Random rnd, List<GuestMapping> mappings) {
        List<PlannedAccess> plan = new ArrayList<>();
        for (int i = 0; i < ACCESSES; i++) {
            GuestMapping g = mappings.get(rnd.nextInt(mappings.size()));
            long offset = rnd.nextLong(g.size().bytes()) & ~7L;
            AccessKind kind = rnd.nextBoolean() ? AccessKind.READ : AccessKind.WRITE;
            plan.add(new PlannedAccess(g, offset, kind, rnd.nextLong()));
        }
        return plan;
    }

    private static void withSeed(long seed, Runnable body) {
        try {
            body.run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("seed " + seed + " failed (replay with -Dmemvirt.seed=" + seed + "): "
                    + e.getMessage(), e);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void nestedTranslationIsCompositionOfGuestAndEptMappings(long seed) {
        withSeed(seed, () -> {
            Random rnd = new Random(seed);
            int n = rnd.nextBoolean() ? 4 : 5;
            int m = rnd.nextBoolean() ? 4 : 5;
            int pick = rnd.nextInt(20);
            PageSize hostPage = pick == 0 ? PageSize.SIZE_1G : pick < 10 ? PageSize.SIZE_4K : PageSize.SIZE_2M;
            // 1 GiB host pages: 8 GiB of host frames, guest data in 3 GiB (4 host pages with the tables').
            MachineConfig config = Rigs.nested(n, m, hostPage)
                    .withHostFrames(hostPage == PageSize.SIZE_1G ? Rigs.FRAMES_FOR_1G : 1 << 16)
                    .withVmRam(List.of(hostPage == PageSize.SIZE_1G ? 4L << 30 : 8L << 30)).withSeed(seed);
            long planSeed = rnd.nextLong();
            String setting = String.format("guest %d levels, host %d levels, host page %s", n, m, hostPage);

            // Uncached: exact counts and exact reference order.
            runNested(new Machine(config), new Random(planSeed), setting, false);
            // TLB, walk cache and nested TLB on: the same addresses, fewer references.
            runNested(new Machine(config.withMmu(MmuConfig.defaults().withTlb(true).withWalkCache(true))),
                    new Random(planSeed), setting + ", caches on", true);
        });
    }

    private static void runNested(Machine machine, Random rnd, String setting, boolean cached) {
        MachineConfig config = machine.config();
        int n = config.guestLevels();
        int m = config.hostLevels();
        int pid = machine.createProcess(1);
        List<GuestMapping> mappings = new ArrayList<>();
        int wanted = 2 + rnd.nextInt(9);
        for (int attempt = 0; mappings.size() < wanted && attempt < 100; attempt++) {
            PageSize size = guestPageSize(rnd);
            long gva = pickGva(rnd, n, size, mappings);
            long gpa = ((1L << 30) + rnd.nextLong(config.vmRamBytes().get(0) - (1L << 30))) & ~size.offsetMask();
            if (mappings.stream().anyMatch(g -> g.overlaps(gva, size))) {
                continue;
            }
            try {
                machine.mapPageTo(1, pid, gva, gpa, size, Rigs.URW);
            } catch (MappingConflict e) {
                throw new AssertionError("non-overlapping mapping rejected: " + e.getMessage(), e);
            }
            mappings.add(new GuestMapping(gva, gpa, size));
        }
        List<PlannedAccess> plan = planAccesses(rnd, mappings);
        for (PlannedAccess a : plan) {
            machine.backGuestPhysical(1, a.gpa());
        }

        Map<Long, Long> hostPageOf = new HashMap<>();
        Map<Long, Long> stored = new HashMap<>();
        for (PlannedAccess a : plan) {
            String where = String.format("%s: %s of GVA 0x%x (%s page -> GPA 0x%x)", setting, a.kind(), a.gva(),
                    a.mapping().size(), a.gpa());
            ReferenceWalker.Walk model = Rigs.nestedWalk(machine, a.gva());
            assertEquals(a.gpa(), model.gpa(), where + ": the guest tables hold the mapping the test made");

            StepResult r = machine.step(new Action.Access(1, a.gva(), a.kind(), Privilege.USER, a.value()));

            Translated t = Rigs.only(r, Translated.class);
            assertEquals(a.gpa(), t.gpa(), where);
            assertEquals(model.hpa(), t.hpa(), where + ": HPA = EPT(guest(GVA))");
            int nUsed = n - (a.mapping().size().leafLevel() - 1);
            int depth = m - (config.hostPage().leafLevel() - 1);
            int uncached = nUsed + (nUsed + 1) * depth;
            assertEquals(uncached, model.formula(), where);
            if (cached) {
                assertTrue(t.references() <= uncached, where + ": " + t.references() + " references");
                boolean tlbHit = Rigs.events(r, TlbLookup.class).stream()
                        .anyMatch(l -> l.outcome() == LookupOutcome.HIT);
                if (tlbHit && Rigs.events(r, TlbLookup.class).size() == 1) {
                    assertEquals(0, t.references(), where + ": TLB hit");
                }
            } else {
                assertEquals(uncached, t.references(), where + ": n_used + Σ d_i");
                assertEquals(model.refs(), Rigs.refs(r), where + ": references in hardware order");
            }
            long hostBase = a.gpa() & ~config.hostPage().offsetMask();
            long hpaBase = model.hpa() & ~config.hostPage().offsetMask();
            Long earlier = hostPageOf.putIfAbsent(hostBase, hpaBase);
            assertEquals(earlier == null ? hpaBase : earlier, hpaBase, where + ": one host page per GPA page");
            if (a.kind() == AccessKind.WRITE) {
                stored.put(model.hpa(), a.value());
                assertEquals(a.value(), r.snapshot().memory().readWord(model.hpa()), where + ": the store landed");
            }
        }
        assertEquals(hostPageOf.size(), hostPageOf.values().stream().distinct().count(),
                setting + ": distinct GPA pages must not share host memory");
        var memory = machine.snapshot().memory();
        stored.forEach((hpa, value) -> assertEquals(value, memory.readWord(hpa), setting + ": HPA 0x"
                + Long.toHexString(hpa)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void nativeTranslationMatchesTheTablesAndCostsNUsed(long seed) {
        withSeed(seed, () -> {
            Random rnd = new Random(seed);
            int n = rnd.nextBoolean() ? 4 : 5;
            Machine machine = new Machine(Rigs.flat(n).withHostFrames(1 << 16).withSeed(seed));
            int pid = machine.createProcess(0);
            List<GuestMapping> mappings = new ArrayList<>();
            int wanted = 2 + rnd.nextInt(9);
            for (int attempt = 0; mappings.size() < wanted && attempt < 100; attempt++) {
                PageSize size = rnd.nextInt(3) == 0 ? PageSize.SIZE_2M : PageSize.SIZE_4K;
                long va = pickGva(rnd, n, size, mappings);
                if (mappings.stream().anyMatch(g -> g.overlaps(va, size))) {
                    continue;
                }
                long pa = machine.mapPage(0, pid, va, size, Rigs.URW);
                assertEquals(0, pa & size.offsetMask(), "a page is naturally aligned");
                mappings.add(new GuestMapping(va, pa, size));
            }
            for (PlannedAccess a : planAccesses(rnd, mappings)) {
                String where = String.format("native %d levels: %s of VA 0x%x (%s page at PA 0x%x)", n, a.kind(),
                        a.gva(), a.mapping().size(), a.mapping().gpa());
                ReferenceWalker.Walk model = Rigs.flatWalk(machine, a.gva());
                StepResult r = machine.step(new Action.Access(0, a.gva(), a.kind(), Privilege.USER, a.value()));
                Translated t = Rigs.only(r, Translated.class);
                assertEquals(a.gpa(), model.hpa(), where);
                assertEquals(a.gpa(), t.hpa(), where);
                assertEquals(n - (a.mapping().size().leafLevel() - 1), t.references(), where);
                assertEquals(model.refs(), Rigs.refs(r), where);
                if (a.kind() == AccessKind.WRITE) {
                    assertEquals(a.value(), r.snapshot().memory().readWord(a.gpa()), where);
                }
            }
        });
    }
}
