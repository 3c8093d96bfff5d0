package org.memvirt.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.memvirt.engine.event.Dimension;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.engine.paging.EptEntry;
import org.memvirt.engine.paging.X86Entry;

/** Entries decoded bit by bit for the side panel. */
class EntryDecodingTest {

    private static List<String> on(EntryDecoding d) {
        return d.chips().stream().filter(BitChip::on).map(BitChip::name).toList();
    }

    @Test
    void aGuestTableEntryNamesItsBitsAndTheNextTable() {
        long entry = 0x10_2000L | X86Entry.P | X86Entry.RW | X86Entry.US | X86Entry.A;
        WalkStep step = new WalkStep(1, Dimension.GUEST, 4, 4, 0x10_0000L, 254, 0x10_07f0L, entry, true, 5);

        EntryDecoding d = EntryDecoding.of(step);

        assertEquals("Guest PML4 entry 254", d.heading());
        assertEquals("0x0000_0000_0010_2027", d.rawValue());
        assertEquals(List.of("P", "RW", "US", "A"), on(d));
        assertEquals(List.of("P", "RW", "US", "A", "D", "G", "NX"), d.chips().stream().map(BitChip::name).toList());
        assertEquals("PDPT table at gPA 0x10_2000", d.facts().get("Points to"));
        assertEquals("gPA 0x10_07f0", d.facts().get("Entry at"));
    }

    @Test
    void aLargePageEntryShowsPs() {
        long entry = 0x20_0000L | X86Entry.P | X86Entry.RW | X86Entry.US | X86Entry.PS;
        WalkStep step = new WalkStep(1, Dimension.GUEST, 2, 2, 0x10_3000L, 226, 0x10_3710L, entry, true, 12);

        EntryDecoding d = EntryDecoding.of(step);

        assertTrue(on(d).contains("PS"));
        assertEquals("2M page at gPA 0x20_0000", d.facts().get("Maps"));
    }

    @Test
    void anEptLeafShowsRwxAndTheMemoryType() {
        long entry = EptEntry.leaf(0x2e1_c000L, 1, 7);
        WalkStep step = new WalkStep(1, Dimension.HOST, 1, 0, 0x3b3_3000L, 257, 0x3b3_3808L, entry, true, 24);

        EntryDecoding d = EntryDecoding.of(step);

        assertEquals("EPT PT entry 257", d.heading());
        assertEquals(List.of("R", "W", "X", "MT 6"), on(d));
        assertEquals("4K host page at hPA 0x2e1_c000", d.facts().get("Maps"));
    }

    @Test
    void aMissingEntrySaysWhatHappens() {
        WalkStep step = new WalkStep(1, Dimension.HOST, 1, 0, 0x3b3_3000L, 257, 0x3b3_3808L, 0, false, 24);

        assertTrue(EntryDecoding.of(step).facts().get("Maps").contains("EPT violation"));
    }
}
