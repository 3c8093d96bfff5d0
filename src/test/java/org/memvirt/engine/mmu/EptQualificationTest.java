package org.memvirt.engine.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The EPT-violation exit qualification as a table (SDM vol. 3C table 28-7): bit 0 read, 1 write,
 * 2 fetch; bits 3-5 the R/W/X allowed along the EPT path; bit 7 guest linear address valid;
 * bit 8 set for the final (data) page, clear for a guest paging-structure access. With EPT A/D
 * on, a guest paging-structure access counts as a write and sets both bits 0 and 1.
 */
class EptQualificationTest {

    @ParameterizedTest(name = "{0} final={1} A/D={2} allowed={3} -> {4}")
    @CsvSource({
        // kind, final, A/D, allowed RWX, expected
        "READ,  true,  false, 0, 0x181",
        "WRITE, true,  false, 0, 0x182",
        "FETCH, true,  false, 0, 0x184",
        "WRITE, true,  false, 5, 0x1AA",
        "FETCH, true,  false, 3, 0x19C",
        "WRITE, true,  true,  1, 0x18A",
        "READ,  false, false, 0, 0x081",
        "WRITE, false, false, 0, 0x081",
        "FETCH, false, false, 4, 0x0A1",
        "READ,  false, true,  5, 0x0AB",
        "FETCH, false, true,  0, 0x083",
    })
    void qualificationBits(AccessKind kind, boolean finalAccess, boolean accessDirty, int allowed, String expected) {
        long want = Long.decode(expected);
        long got = EptWalker.qualification(kind, finalAccess, accessDirty, allowed);
        assertEquals(want, got, () -> "got 0x" + Long.toHexString(got));
    }
}
