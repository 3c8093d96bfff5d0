package org.memvirt.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.memvirt.engine.Rigs.GVA;
import static org.memvirt.engine.Rigs.URW;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memvirt.engine.event.CacheKind;
import org.memvirt.engine.event.GuestWrite;
import org.memvirt.engine.event.LookupOutcome;
import org.memvirt.engine.event.TlbLookup;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.engine.event.WriteTarget;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.MmuConfig;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;

/**
 * The TLB is not coherent with the page tables: a PTE rewritten without INVLPG keeps being
 * served from the TLB (the old frame), and the engine says so with STALE_HIT; INVLPG makes the
 * next access walk and see the new mapping.
 */
class StaleTlbTest {
    private static final long OTHER = GVA + 0x2000;
    private Machine m;
    private int pid;
    private long oldGpa;
    private long newGpa;

    @BeforeEach
    void setUp() {
        m = new Machine(Rigs.nested(4, 4, PageSize.SIZE_4K)
                .withMmu(MmuConfig.defaults().withTlb(true).withWalkCache(false)));
        pid = m.createProcess(1);
        oldGpa = m.mapPage(1, pid, GVA, PageSize.SIZE_4K, URW);
        newGpa = m.mapPage(1, pid, OTHER, PageSize.SIZE_4K, URW);
    }

    private StepResult access(long gva, AccessKind kind, long value) {
        return m.step(new Action.Access(1, gva, kind, Privilege.USER, value));
    }

    private StepResult remapWithoutInvlpg() {
        return m.step(new Action.WriteGuestEntry(1, pid, GVA, 1, X86Entry.leaf(newGpa, 1, URW)));
    }

    @Test
    void remapWithoutInvlpgIsStaleHitOnTheOldFrame() {
        long oldHpa = Rigs.only(access(GVA + 0x20, AccessKind.READ, 0), Translated.class).hpa();
        long newHpa = Rigs.only(access(OTHER + 0x20, AccessKind.READ, 0), Translated.class).hpa();
        assertNotEquals(oldHpa, newHpa);

        StepResult write = remapWithoutInvlpg();
        GuestWrite w = Rigs.only(write, GuestWrite.class);
        assertEquals(WriteTarget.PAGE_TABLE, w.target());
        assertTrue(Rigs.events(write, TlbLookup.class).isEmpty(), "a PTE store invalidates nothing");

        StepResult stale = access(GVA + 0x20, AccessKind.READ, 0);
        TlbLookup lookup = Rigs.only(stale, TlbLookup.class);
        assertEquals(CacheKind.TLB, lookup.cache());
        assertEquals(LookupOutcome.STALE_HIT, lookup.outcome());
        Translated t = Rigs.only(stale, Translated.class);
        assertEquals(oldHpa, t.hpa(), "the stale entry still points at the old frame");
        assertEquals(oldGpa + 0x20, t.gpa());
        assertEquals(0, t.references());
        assertTrue(Rigs.events(stale, WalkStep.class).isEmpty());

        m.step(new Action.Invlpg(1, GVA));
        StepResult fresh = access(GVA + 0x20, AccessKind.READ, 0);
        assertEquals(LookupOutcome.MISS, Rigs.only(fresh, TlbLookup.class).outcome());
        Translated after = Rigs.only(fresh, Translated.class);
        assertEquals(newHpa, after.hpa());
        assertEquals(newGpa + 0x20, after.gpa());
        assertEquals(24, after.references());

        StepResult hit = access(GVA + 0x28, AccessKind.READ, 0);
        assertEquals(LookupOutcome.HIT, Rigs.only(hit, TlbLookup.class).outcome());
        assertEquals(newHpa + 8, Rigs.only(hit, Translated.class).hpa());
    }

    @Test
    void staleStoreLandsInTheOldFrame() {
        long oldHpa = Rigs.only(access(GVA, AccessKind.WRITE, 1), Translated.class).hpa();
        long newHpa = Rigs.only(access(OTHER, AccessKind.READ, 0), Translated.class).hpa();
        remapWithoutInvlpg();

        StepResult stale = access(GVA + 8, AccessKind.WRITE, 0xBAD);

        assertEquals(LookupOutcome.STALE_HIT, Rigs.only(stale, TlbLookup.class).outcome());
        assertEquals(0xBAD, stale.snapshot().memory().readWord(oldHpa + 8));
        assertEquals(0, stale.snapshot().memory().readWord(newHpa + 8));
    }

    @Test
    void flushTlbAlsoEndsTheStaleness() {
        long newHpa = Rigs.only(access(OTHER, AccessKind.READ, 0), Translated.class).hpa();
        access(GVA, AccessKind.READ, 0);
        remapWithoutInvlpg();
        m.step(new Action.FlushTlb(1));
        Translated t = Rigs.only(access(GVA, AccessKind.READ, 0), Translated.class);
        assertEquals(newHpa, t.hpa());
    }

    @Test
    void invlpgOfAnotherPageLeavesTheStaleEntry() {
        long oldHpa = Rigs.only(access(GVA, AccessKind.READ, 0), Translated.class).hpa();
        remapWithoutInvlpg();
        m.step(new Action.Invlpg(1, OTHER));
        StepResult r = access(GVA, AccessKind.READ, 0);
        assertEquals(LookupOutcome.STALE_HIT, Rigs.only(r, TlbLookup.class).outcome());
        assertEquals(oldHpa, Rigs.only(r, Translated.class).hpa());
    }

    @Test
    void hypervisorEptEditFlushesCombinedTranslations() {
        long oldHpa = Rigs.only(access(GVA, AccessKind.READ, 0), Translated.class).hpa();
        long other = Rigs.only(access(OTHER, AccessKind.READ, 0), Translated.class).hpa();
        // Point the data page's EPT leaf at OTHER's frame; INVEPT must drop the combined TLB entry.
        long leaf = other | 7 | (6L << 3);
        m.step(new Action.WriteEptEntry(1, oldGpa, 1, leaf));
        StepResult r = access(GVA, AccessKind.READ, 0);
        assertEquals(LookupOutcome.MISS, Rigs.only(r, TlbLookup.class).outcome());
        assertEquals(other, Rigs.only(r, Translated.class).hpa());
        assertNotEquals(oldHpa, other);
    }
}
