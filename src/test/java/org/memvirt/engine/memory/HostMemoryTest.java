package org.memvirt.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Host frames: allocation, ownership, contents, and frozen images. */
class HostMemoryTest {

    @Test
    void imageIsUnchangedByLaterWritesAllocationsAndFrees() {
        HostMemory memory = new HostMemory(new Epoch(), 256, 5);
        int a = memory.allocate(FrameUse.DATA, 1);
        memory.writeWord(HostMemory.addressOf(a) + 8, 0x11);
        MemoryImage image = memory.freeze();

        memory.writeWord(HostMemory.addressOf(a) + 8, 0x22);
        int b = memory.allocate(FrameUse.GUEST_TABLE, 2);
        memory.writeWord(HostMemory.addressOf(b), 0x33);
        memory.free(a);

        assertEquals(0x11, image.readWord(HostMemory.addressOf(a) + 8));
        assertEquals(new Frame(FrameUse.DATA, 1, 1), image.frame(a));
        assertTrue(image.frame(b).isFree());
        assertEquals(0, image.readWord(HostMemory.addressOf(b)));
        assertEquals(1, image.usedFrames());
        assertEquals(0, memory.readWord(HostMemory.addressOf(a) + 8), "a freed frame's contents are dropped");
        assertEquals(0x33, memory.readWord(HostMemory.addressOf(b)));
    }

    @Test
    void alignedRunsAreAlignedAndExclusive() {
        HostMemory memory = new HostMemory(new Epoch(), 4096, 9);
        Set<Integer> owned = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            int base = memory.allocateAligned(512, FrameUse.DATA, 1);
            assertEquals(0, base % 512, "a 2 MiB run starts on a 2 MiB boundary");
            for (int pfn = base; pfn < base + 512; pfn++) {
                assertTrue(owned.add(pfn), "frame " + pfn + " handed out twice");
            }
        }
        for (int i = 0; i < 100; i++) {
            int pfn = memory.allocate(FrameUse.EPT_TABLE, 0);
            assertTrue(owned.add(pfn), "frame " + pfn + " handed out twice");
        }
        assertEquals(owned.size(), memory.usedFrames());
        assertEquals(4096 - owned.size(), memory.freeFrames());
    }

    @Test
    void exhaustionIsReported() {
        HostMemory memory = new HostMemory(new Epoch(), 64, 1);
        memory.allocate(FrameUse.DATA, 1);
        assertThrows(OutOfHostMemory.class, () -> memory.allocateAligned(64, FrameUse.DATA, 1));
        for (int i = 1; i < 64; i++) {
            memory.allocate(FrameUse.DATA, 1);
        }
        assertThrows(OutOfHostMemory.class, () -> memory.allocate(FrameUse.DATA, 1));
        assertThrows(IllegalStateException.class, () -> {
            int pfn = 3;
            memory.free(pfn);
            memory.free(pfn);
        });
    }

    @Test
    void sameSeedSamePlacement() {
        for (long seed = 1; seed < 20; seed++) {
            HostMemory a = new HostMemory(new Epoch(), 1 << 15, seed);
            HostMemory b = new HostMemory(new Epoch(), 1 << 15, seed);
            for (int i = 0; i < 10; i++) {
                assertEquals(a.allocate(FrameUse.DATA, 1), b.allocate(FrameUse.DATA, 1), "seed " + seed);
                assertEquals(a.allocateAligned(512, FrameUse.DATA, 1), b.allocateAligned(512, FrameUse.DATA, 1),
                        "seed " + seed);
            }
        }
    }
}
