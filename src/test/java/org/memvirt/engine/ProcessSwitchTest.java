package org.memvirt.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.memvirt.engine.Rigs.GVA;
import static org.memvirt.engine.Rigs.URW;

import org.junit.jupiter.api.Test;
import org.memvirt.engine.event.CacheKind;
import org.memvirt.engine.event.LookupOutcome;
import org.memvirt.engine.event.TlbLookup;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.event.VmExit;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.MmuConfig;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.PageSize;

/**
 * CR3 writes under EPT: no VM exit; without PCIDs the TLB entries of the old address space are
 * flushed, with PCIDs they stay, tagged, and never answer for another process.
 */
class ProcessSwitchTest {

    private static StepResult read(Machine m, long gva) {
        return m.step(new Action.Access(1, gva, AccessKind.READ, Privilege.USER, 0));
    }

    private static Machine machine(boolean pcids) {
        return new Machine(Rigs.nested(4, 4, PageSize.SIZE_4K).withPcids(pcids)
                .withMmu(MmuConfig.defaults().withTlb(true).withWalkCache(true)));
    }

    @Test
    void withoutPcidsASwitchFlushesTheTlb() {
        Machine m = machine(false);
        int p1 = m.createProcess(1);
        int p2 = m.createProcess(1);
        m.mapPage(1, p1, GVA, PageSize.SIZE_4K, URW);
        m.mapPage(1, p2, GVA, PageSize.SIZE_4K, URW);
        long hpa1 = Rigs.only(read(m, GVA), Translated.class).hpa();

        StepResult sw = m.step(new Action.SwitchProcess(1, p2));
        assertEquals(0, Rigs.events(sw, VmExit.class).size(), "CR3 writes do not exit under EPT");
        StepResult in2 = read(m, GVA);
        assertEquals(LookupOutcome.MISS, tlb(in2).outcome());
        long hpa2 = Rigs.only(in2, Translated.class).hpa();
        assertNotEquals(hpa1, hpa2, "each process has its own page at this address");

        m.step(new Action.SwitchProcess(1, p1));
        StepResult back = read(m, GVA);
        assertEquals(LookupOutcome.MISS, tlb(back).outcome(), "flushed by the switch");
        assertEquals(hpa1, Rigs.only(back, Translated.class).hpa());
        assertEquals(0, back.snapshot().counters().totalVmExits());
    }

    @Test
    void withPcidsEntriesSurviveAndStayApart() {
        Machine m = machine(true);
        int p1 = m.createProcess(1);
        int p2 = m.createProcess(1);
        m.mapPage(1, p1, GVA, PageSize.SIZE_4K, URW);
        m.mapPage(1, p2, GVA, PageSize.SIZE_4K, URW);
        long hpa1 = Rigs.only(read(m, GVA), Translated.class).hpa();

        m.step(new Action.SwitchProcess(1, p2));
        StepResult in2 = read(m, GVA);
        assertEquals(LookupOutcome.MISS, tlb(in2).outcome(), "process 1's entry must not answer for process 2");
        long hpa2 = Rigs.only(in2, Translated.class).hpa();
        assertNotEquals(hpa1, hpa2);

        m.step(new Action.SwitchProcess(1, p1));
        StepResult back = read(m, GVA);
        assertEquals(LookupOutcome.HIT, tlb(back).outcome(), "tagged with its PCID, it survived the switch");
        assertEquals(hpa1, Rigs.only(back, Translated.class).hpa());
        assertEquals(Rigs.nestedWalk(m, GVA).hpa(), hpa1, "the model agrees");
    }

    private static TlbLookup tlb(StepResult r) {
        return Rigs.events(r, TlbLookup.class).stream()
                .filter(l -> l.cache() == CacheKind.TLB).findFirst().orElseThrow();
    }
}
