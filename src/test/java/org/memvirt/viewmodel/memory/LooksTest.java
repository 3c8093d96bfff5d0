package org.memvirt.viewmodel.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Looks pack a kind and a VM into one int and unpack to the same; no two kinds share a look. */
class LooksTest {

    @ParameterizedTest(name = "VM {0}")
    @ValueSource(ints = {0, 1, 2, 3, 15})
    void frameAndGuestLooksRoundTrip(int vm) {
        for (FrameCategory c : FrameCategory.values()) {
            int look = Looks.frame(c, vm);
            assertFalse(Looks.isGuest(look));
            assertEquals(c, Looks.category(look));
            assertEquals(c == FrameCategory.DATA ? vm : 0, Looks.vm(look), c.name());
            assertTrue(look < Looks.COUNT);
        }
        for (GuestPageState s : GuestPageState.values()) {
            int look = Looks.guest(s, vm);
            assertTrue(Looks.isGuest(look));
            assertEquals(s, Looks.state(look));
            assertTrue(look < Looks.COUNT);
        }
    }

    @Test
    void everyKindHasItsOwnLook() {
        Set<Integer> seen = new HashSet<>();
        for (FrameCategory c : FrameCategory.values()) {
            assertTrue(seen.add(Looks.frame(c, 1)), c.name());
        }
        for (GuestPageState s : GuestPageState.values()) {
            assertTrue(seen.add(Looks.guest(s, 1)), s.name());
        }
        assertTrue(seen.add(Looks.EMPTY_SLOT));
        assertEquals(Looks.guest(GuestPageState.HOST_SWAPPED, 2), Looks.swapSlot(2),
                "a swap slot looks like the host-swapped page it holds");
    }

    @Test
    void vmsPastTheLastShadeKeepTheirNumberAtTheLastShade() {
        assertEquals(Looks.MAX_VM_SHADE, Looks.vm(Looks.frame(FrameCategory.DATA, 40)));
    }
}
