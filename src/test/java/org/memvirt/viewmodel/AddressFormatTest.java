package org.memvirt.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.memvirt.engine.event.Dimension;

/** Addresses as the screen prints and splits them. */
class AddressFormatTest {

    @ParameterizedTest
    @CsvSource({
            "0x00007f3a1c402000, 0x0000_7f3a_1c40_2000, 0x7f3a_1c40_2000",
            "0x0000000000101000, 0x0000_0000_0010_1000, 0x10_1000",
            "0x0000000000000000, 0x0000_0000_0000_0000, 0x0",
            "0xffff800000000000, 0xffff_8000_0000_0000, 0xffff_8000_0000_0000",
    })
    void groupsOfSixteenBits(String value, String grouped, String compact) {
        long v = Long.parseUnsignedLong(value.substring(2), 16);

        assertEquals(grouped, HexAddress.grouped(v));
        assertEquals(compact, HexAddress.compact(v));
        assertEquals(v, HexAddress.parse(grouped));
        assertEquals(v, HexAddress.parse(compact));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0x", "xyz", "0x1_0000_0000_0000_0000", "12 34 zz"})
    void nonsenseIsRefusedWithAnExample(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HexAddress.parse(text));
        assertTrue(e.getMessage().contains("e.g. 0x0000_7f3a_1c40_2000"), e.getMessage());
    }

    @Test
    void aVirtualAddressSplitsIntoPml4PdptPdPtAndOffset() {
        AddressBreakdown a = AddressBreakdown.of("gVA", WalkSettings.DEFAULT_GVA_4_LEVELS, Dimension.GUEST, 4, 1, 3);

        assertEquals(List.of("sign", "PML4", "PDPT", "PD", "PT", "offset"),
                a.fields().stream().map(AddressField::name).toList());
        assertEquals(List.of("", "254", "232", "226", "2", "0x0"),
                a.fields().stream().map(AddressField::value).toList());
        assertEquals(List.of(16, 9, 9, 9, 9, 12), a.fields().stream().map(f -> f.bits().length()).toList());
        String bits = a.fields().stream().map(AddressField::bits).collect(Collectors.joining());
        assertEquals(WalkSettings.DEFAULT_GVA_4_LEVELS, Long.parseUnsignedLong(bits, 2));
        assertTrue(a.fields().get(2).current(), "level 3 (PDPT) is marked");
    }

    @Test
    void aLargePageHasAWiderOffset() {
        AddressBreakdown a = AddressBreakdown.of("gPA", 0x20_2000L, Dimension.HOST, 5, 2, -1);

        assertEquals(List.of("unused", "EPT PML5", "EPT PML4", "EPT PDPT", "EPT PD", "offset"),
                a.fields().stream().map(AddressField::name).toList());
        assertEquals(21, a.fields().get(a.fields().size() - 1).bits().length());
        assertEquals("0x2000", a.fields().get(a.fields().size() - 1).value());
    }
}
