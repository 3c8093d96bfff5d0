package org.memvirt.engine.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.memvirt.engine.memory.Epoch;

/** The set-associative LRU cache shared by the TLB, the nested TLB and the page-walk cache. */
class TranslationCacheTest {
    private static final long TAG = (1L << 16) | 3;

    @Test
    void findsByTagBaseAndSize() {
        TranslationCache c = new TranslationCache(new Epoch(), 16, 4);
        c.insert(TAG, 0x7000_1234L, 12, 0xA000, 0xB000, 5);
        int slot = c.find(TAG, 0x7000_1FF8L, 12);
        assertTrue(slot >= 0);
        assertEquals(0xA000, c.target(slot));
        assertEquals(0xB000, c.extra(slot));
        assertEquals(5, c.attributes(slot));
        assertEquals(-1, c.find(TAG, 0x7000_2000L, 12), "next page");
        assertEquals(-1, c.find(TAG + 1, 0x7000_1234L, 12), "other PCID");
        assertEquals(-1, c.find(TAG, 0x7000_1234L, 21), "other page size");
    }

    @Test
    void leastRecentlyUsedIsEvicted() {
        TranslationCache c = new TranslationCache(new Epoch(), 4, 4);
        for (long page = 0; page < 4; page++) {
            c.insert(TAG, page << 12, 12, page, 0, 0);
        }
        c.find(TAG, 0, 12); // page 0 is now the most recent; page 1 the least
        c.insert(TAG, 9L << 12, 12, 9, 0, 0);
        assertTrue(c.find(TAG, 0, 12) >= 0);
        assertEquals(-1, c.find(TAG, 1L << 12, 12));
        assertTrue(c.find(TAG, 9L << 12, 12) >= 0);
        assertEquals(4, c.freeze().entries().size());
    }

    @Test
    void invalidateAddressDropsEverySizeCoveringIt() {
        TranslationCache c = new TranslationCache(new Epoch(), 8, 8);
        c.insert(TAG, 0x4000_0000L, 30, 1, 0, 0);
        c.insert(TAG, 0x4020_0000L, 21, 2, 0, 0);
        c.insert(TAG, 0x4020_1000L, 12, 3, 0, 0);
        c.insert(TAG, 0x4020_2000L, 12, 4, 0, 0);
        c.insert(TAG + 1, 0x4020_1000L, 12, 5, 0, 0);
        assertEquals(3, c.invalidateAddress(TAG, 0x4020_1008L));
        List<Long> left = c.freeze().entries().stream().map(TranslationCache.CachedTranslation::target).toList();
        assertEquals(List.of(4L, 5L), left, "the other page and the other PCID stay");
    }

    @Test
    void invalidateTagWithMaskDropsAWholeVpid() {
        TranslationCache c = new TranslationCache(new Epoch(), 8, 8);
        c.insert((1L << 16) | 1, 0x1000, 12, 1, 0, 0);
        c.insert((1L << 16) | 2, 0x1000, 12, 2, 0, 0);
        c.insert((2L << 16) | 1, 0x1000, 12, 3, 0, 0);
        assertEquals(2, c.invalidateTag(1L << 16, ~0xFFFFL));
        assertEquals(1, c.freeze().entries().size());
        assertEquals(3, c.freeze().entries().get(0).target());
    }

    /**
     * Re-inserting a translation that is still cached must refresh that entry, even when an
     * invalidated slot comes first in its set: the cache never holds two entries for one page.
     */
    @Test
    void reinsertRefreshesInsteadOfDuplicating() {
        TranslationCache c = new TranslationCache(new Epoch(), 4, 4);
        c.insert(TAG, 0x1000, 12, 0x11, 0, 1);
        c.insert(TAG, 0x2000, 12, 0x22, 0, 1);
        c.invalidateAddress(TAG, 0x1000); // frees the first slot
        c.insert(TAG, 0x2000, 12, 0x33, 0, 7);

        List<TranslationCache.CachedTranslation> entries = c.freeze().entries();
        assertEquals(1, entries.size(), entries.toString());
        assertEquals(0x33, entries.get(0).target());
        assertEquals(7, c.attributes(c.find(TAG, 0x2000, 12)));
    }

    @Test
    void imageIsIndependentOfLaterChanges() {
        Epoch epoch = new Epoch();
        TranslationCache c = new TranslationCache(epoch, 4, 2);
        c.insert(TAG, 0x1000, 12, 1, 0, 0);
        TranslationCache.Image image = c.freeze();
        c.invalidateAll();
        c.insert(TAG, 0x5000, 12, 5, 0, 0);
        c.insert(TAG, 0x6000, 12, 6, 0, 0);
        assertEquals(1, image.entries().size());
        assertEquals(1, image.entries().get(0).target());
        assertEquals(4, image.capacity());
        assertEquals(2, c.freeze().entries().size());
    }

    @Test
    void shapeIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> new TranslationCache(new Epoch(), 6, 4));
        assertThrows(IllegalArgumentException.class, () -> new TranslationCache(new Epoch(), 0, 1));
    }
}
