package org.memvirt.engine.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Software-built radix tables (what a guest kernel or hypervisor writes), over a plain map of words. */
class RadixTableTest {

    /** A sparse memory of 64-bit words with a bump allocator for table pages. */
    private static final class WordSpace implements TableSpace {
        final Map<Long, Long> words = new HashMap<>();
        long next = 0x10_0000;
        int tables;

        @Override
        public long readEntry(long entryAddress) {
            return words.getOrDefault(entryAddress, 0L);
        }

        @Override
        public void writeEntry(long entryAddress, long value) {
            words.put(entryAddress, value);
        }

        @Override
        public long newTable() {
            tables++;
            long t = next;
            next += 0x1000;
            return t;
        }
    }

    @ParameterizedTest(name = "{0} levels, {1}")
    @CsvSource({"4,SIZE_4K", "4,SIZE_2M", "4,SIZE_1G", "5,SIZE_4K", "5,SIZE_2M", "5,SIZE_1G"})
    void mapThenLookup(int levels, PageSize size) {
        WordSpace space = new WordSpace();
        RadixTable t = new RadixTable(space, TableFormat.X86, levels, space.newTable());
        long va = (levels == 5 ? 0x00AB_7F12_3456_7000L : 0x0000_7F12_3456_7000L) & ~size.offsetMask();
        long pa = 0x8000_0000L;
        long entryAddress = t.map(va, pa, size, X86Entry.P | X86Entry.RW);

        assertEquals(1 + levels - size.leafLevel(), space.tables, "one table per level above the leaf");
        Mapping m = t.lookup(va + 0x238);
        assertEquals(pa + 0x238, m.address());
        assertEquals(size, m.size());
        assertEquals(entryAddress, m.entryAddress());
        assertEquals(entryAddress, t.entryAddress(va, size.leafLevel()));
        assertEquals(pa, m.pageBase());
        assertNull(t.lookup(va + size.bytes()));
    }

    @Test
    void conflictsAreRefused() {
        WordSpace space = new WordSpace();
        RadixTable t = new RadixTable(space, TableFormat.X86, 4, space.newTable());
        t.map(0x4000_0000L, 0x20_0000L, PageSize.SIZE_2M, X86Entry.P);
        assertThrows(MappingConflict.class, () -> t.map(0x4000_1000L, 0x5000L, PageSize.SIZE_4K, X86Entry.P),
                "a 4 KiB page inside a 2 MiB page");
        t.map(0x4060_0000L, 0x6000L, PageSize.SIZE_4K, X86Entry.P);
        assertThrows(MappingConflict.class, () -> t.map(0x4060_0000L, 0x40_0000L, PageSize.SIZE_2M, X86Entry.P),
                "a 2 MiB page over a page table");
        assertThrows(MappingConflict.class, () -> t.map(0x4080_0000L, 0x1000L, PageSize.SIZE_2M, X86Entry.P),
                "a misaligned large frame");
        assertEquals(-1, t.entryAddress(0x4000_1000L, 1), "no PT under a 2 MiB leaf");
    }

    @Test
    void remapReplacesTheLeaf() {
        WordSpace space = new WordSpace();
        RadixTable t = new RadixTable(space, TableFormat.EPT, 4, space.newTable());
        t.map(0x3000L, 0x9000L, PageSize.SIZE_4K, EptEntry.RWX);
        t.map(0x3000L, 0xA000L, PageSize.SIZE_4K, EptEntry.R);
        Mapping m = t.lookup(0x3010L);
        assertEquals(0xA010L, m.address());
        assertEquals(EptEntry.R, m.entry() & EptEntry.RWX);
    }
}
