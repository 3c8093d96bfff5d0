package org.memvirt.engine.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The x86-64 and EPT entry layouts as tables of raw values (ENGINE-FACTS "Entry formats"). */
class EntryFormatTest {
    private static final int MAXPHY = 46;
    private static final long WB = 6L << 3;

    @ParameterizedTest(name = "{0}: level {1} -> {2}")
    @CsvSource({
        // description, level, raw entry, misconfigured?
        "RWX WB 4K leaf,              1, 0x0000_0000_1234_5077, false",
        "R-- WB leaf,                 1, 0x0000_0000_1234_5031, false",
        "--X leaf (execute-only ok),  1, 0x0000_0000_1234_5034, false",
        "-W- leaf,                    1, 0x0000_0000_1234_5032, true",
        "-WX leaf,                    1, 0x0000_0000_1234_5036, true",
        "memory type 2,               1, 0x0000_0000_1234_5017, true",
        "memory type 3,               1, 0x0000_0000_1234_501F, true",
        "memory type 7,               1, 0x0000_0000_1234_503F, true",
        "memory type 0 (UC),          1, 0x0000_0000_1234_5007, false",
        "address bit 46,              1, 0x0000_4000_1234_5037, true",
        "address bit 45,              1, 0x0000_2000_1234_5037, false",
        "table entry,                 4, 0x0000_0000_1234_5007, false",
        "large bit in PML4E,          4, 0x0000_0000_1234_5087, true",
        "large bit in PML5E,          5, 0x0000_0000_1234_5087, true",
        "memory type in table entry,  3, 0x0000_0000_1234_5037, true",
        "ignore-PAT in table entry,   2, 0x0000_0000_1234_5047, true",
        "2M leaf,                     2, 0x0000_0000_1240_00B7, false",
        "2M leaf low address bits,    2, 0x0000_0000_1240_10B7, true",
        "1G leaf,                     3, 0x0000_0000_4000_00B7, false",
        "1G leaf low address bits,    3, 0x0000_0000_4020_00B7, true",
        "accessed and dirty,          1, 0x0000_0000_1234_5377, false",
        "not present,                 1, 0x0000_0000_1234_5030, false",
    })
    void eptMisconfiguration(String what, int level, String raw, boolean misconfigured) {
        long e = Long.decode(raw.replace("_", ""));
        String why = EptEntry.misconfiguration(e, level, true, MAXPHY);
        assertEquals(misconfigured, why != null, what + ": " + why);
    }

    @Test
    void executeOnlyIsMisconfiguredWithoutCpuSupport() {
        long xOnly = 0x1234_5000L | EptEntry.X | WB;
        assertNull(EptEntry.misconfiguration(xOnly, 1, true, MAXPHY));
        assertNotNull(EptEntry.misconfiguration(xOnly, 1, false, MAXPHY));
    }

    @Test
    void eptEncodings() {
        long leaf = EptEntry.leaf(0x4020_0000L, 2, 7);
        assertEquals(0x4020_0000L | 7 | WB | EptEntry.LARGE, leaf);
        assertTrue(EptEntry.isLeaf(leaf, 2));
        assertEquals(0x4020_0000L, EptEntry.address(leaf, 2));
        assertFalse(EptEntry.present(leaf & ~7L));
        assertEquals(0x5000L | 7, EptEntry.table(0x5000L));
        assertFalse(EptEntry.isLeaf(EptEntry.table(0x5000L), 2));
        assertTrue(EptEntry.isLeaf(0x5000L | 1, 1));
        assertFalse(EptEntry.isLeaf(0x5000L | 1 | EptEntry.LARGE, 4), "no large pages at the PML4");
        assertEquals("R-X", EptEntry.bits(5));
        assertEquals("-W-", EptEntry.bits(2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // description, level, raw entry, reserved mask expected
        "plain PTE,                      1, 0x8000_0000_1234_5067, 0x0",
        "PTE address bit 51,             1, 0x0008_0000_1234_5067, 0x0008_0000_0000_0000",
        "PTE address bit 46,             1, 0x0000_4000_1234_5067, 0x0000_4000_0000_0000",
        "PTE PAT bit 7 is not reserved,  1, 0x0000_0000_1234_50E7, 0x0",
        "PS in PML4E,                    4, 0x0000_0000_1234_5087, 0x80",
        "PS in PML5E,                    5, 0x0000_0000_1234_5087, 0x80",
        "2M leaf PAT bit 12 is allowed,  2, 0x0000_0000_1240_1087, 0x0",
        "2M leaf bit 13 reserved,        2, 0x0000_0000_1240_2087, 0x2000",
        "1G leaf bit 29 reserved,        3, 0x0000_0000_6000_0087, 0x2000_0000",
        "PD table entry bits are free,   2, 0x0000_0000_1234_5007, 0x0",
    })
    void x86ReservedBits(String what, int level, String raw, String reserved) {
        long e = Long.parseUnsignedLong(raw.replace("_", "").substring(2), 16);
        long want = Long.parseUnsignedLong(reserved.replace("_", "").substring(2), 16);
        assertEquals(want, X86Entry.reservedBits(e, level, MAXPHY), what);
    }

    @Test
    void x86Encodings() {
        long leaf = X86Entry.leaf(0x4020_0000L, 2, X86Entry.P | X86Entry.RW);
        assertEquals(0x4020_0000L | 0x83, leaf);
        assertTrue(X86Entry.isLeaf(leaf, 2));
        assertEquals(0x4020_0000L, X86Entry.address(leaf | X86Entry.PAT_LARGE, 2), "PAT is not an address bit");
        assertEquals(0x1234_5000L, X86Entry.address(0x1234_5000L | 0x80 | 1, 1), "bit 7 of a PTE is PAT");
        assertFalse(X86Entry.isLeaf(0x1000L | 0x81, 4));
        assertTrue(X86Entry.noExecute(X86Entry.NX | 1));
        assertEquals(0x7000L | 7, X86Entry.table(0x7000L));
        assertEquals("P RW US A D NX", X86Entry.describe(0x67L | X86Entry.NX, 1));
    }

    @Test
    void levelsAndPageSizes() {
        assertEquals(0x1FF, Levels.index(-1L, 5));
        assertEquals(0xFE, Levels.index(0x0000_7F12_3456_7000L, 4));
        assertEquals(1L << 39, Levels.span(4));
        assertEquals(48, Levels.addressBits(4));
        assertEquals(57, Levels.addressBits(5));
        assertThrows(IllegalArgumentException.class, () -> Levels.checkLevels(3, "guest"));
        assertEquals(PageSize.SIZE_2M, PageSize.parse("2 MiB".replace(" ", "")));
        assertEquals(PageSize.SIZE_1G, PageSize.parse("1g"));
        assertEquals(PageSize.SIZE_4K, PageSize.min(PageSize.SIZE_1G, PageSize.SIZE_4K));
        assertEquals(PageSize.SIZE_1G, PageSize.ofLeafLevel(3));
        assertEquals(512, PageSize.SIZE_2M.frames());
        assertThrows(IllegalArgumentException.class, () -> PageSize.parse("4M"));
        assertThrows(IllegalArgumentException.class, () -> PageSize.ofLeafLevel(4));
    }
}
