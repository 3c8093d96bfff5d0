package org.memvirt.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.Privilege;

/** A non-canonical address never reaches the page walk: the CPU raises #GP first. */
class CanonicalAddressTest {

    @ParameterizedTest
    @CsvSource({"4, 0x0000800000000000", "4, 0x7fff000000000000", "5, 0x0100000000000000"})
    void nonCanonicalAddressesAreRefusedWithAMessage(int levels, String address) {
        Machine m = new Machine(MachineConfig.defaults().withLevels(levels, 4));
        m.createProcess(1);
        long va = Long.parseUnsignedLong(address.substring(2), 16);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.step(new Action.Access(1, va, AccessKind.READ, Privilege.USER, 0)));
        assertTrue(e.getMessage().contains("not a canonical"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"4, 0x00007fffffffffff", "4, 0xffff800000000000", "5, 0x00ffffffffffffff", "5, 0xff00000000000000"})
    void canonicalAddressesWalk(int levels, String address) {
        Machine m = new Machine(MachineConfig.defaults().withLevels(levels, 4));
        m.createProcess(1);
        long va = Long.parseUnsignedLong(address.substring(2), 16);
        assertDoesNotThrow(() -> m.step(new Action.Access(1, va, AccessKind.READ, Privilege.USER, 0)));
    }
}
