package org.memvirt.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Page contents and their copy-on-write generations. */
class PageTest {

    @Test
    void writeInTheOwningGenerationIsInPlace() {
        Page p = Page.zero(1);
        Page same = p.withWord(1, 7, 42);
        assertSame(p, same);
        assertEquals(42, p.word(7));
    }

    @Test
    void writeFromALaterGenerationCopiesAndLeavesTheOldPage() {
        Page old = Page.zero(1).withWord(1, 100, 5);
        Page young = old.withWord(2, 100, 6);
        assertNotSame(old, young);
        assertEquals(5, old.word(100));
        assertEquals(6, young.word(100));
        young.withWord(2, 101, 7);
        assertEquals(0, old.word(101));
        assertEquals(7, young.word(101));
    }

    @Test
    void manyGenerationsEachKeepTheirContents() {
        Random rnd = new Random(11);
        long[] model = new long[Page.WORDS];
        List<Page> pages = new ArrayList<>();
        List<long[]> expected = new ArrayList<>();
        Page p = Page.zero(1);
        for (long gen = 1; gen <= 200; gen++) {
            for (int w = 0; w < 5; w++) {
                int i = rnd.nextInt(Page.WORDS);
                long v = rnd.nextLong();
                p = p.withWord(gen, i, v);
                model[i] = v;
            }
            pages.add(p);
            expected.add(model.clone());
        }
        for (int g = 0; g < pages.size(); g++) {
            for (int i = 0; i < Page.WORDS; i++) {
                assertEquals(expected.get(g)[i], pages.get(g).word(i), "generation " + (g + 1) + " word " + i);
            }
        }
    }

    /** A copy made for a copy-on-write break must not change when the original is written afterwards. */
    @Test
    void copyIsIndependentOfLaterWritesToTheOriginal() {
        Page original = Page.zero(3).withWord(3, 0, 5).withWord(3, 300, 9);
        Page copy = original.copy(3);

        original.withWord(3, 0, 6);
        original.withWord(3, 300, 10);
        copy.withWord(3, 1, 77);

        assertEquals(5, copy.word(0));
        assertEquals(9, copy.word(300));
        assertEquals(77, copy.word(1));
        assertEquals(6, original.word(0));
        assertEquals(0, original.word(1));
    }

    /** A swap device keeps a copy made for no generation (0); the live page must not write through to it. */
    @Test
    void copyForAnotherGenerationIsIndependentToo() {
        Page live = Page.zero(4).withWord(4, 10, 1);
        Page saved = live.copy(0);
        live.withWord(4, 10, 2);
        assertEquals(1, saved.word(10));
        assertEquals(2, live.word(10));
    }

    @Test
    void copyOfAnOlderPageIsIndependentToo() {
        Page original = Page.zero(1).withWord(1, 0, 5);
        Page copy = original.copy(2);
        Page written = copy.withWord(2, 0, 8);
        assertSame(copy, written);
        assertEquals(5, original.word(0));
        assertEquals(8, copy.word(0));
    }

    @Test
    void contentsQueries() {
        Page zero = Page.zero(1);
        assertTrue(zero.isZero());
        Page p = Page.zero(1).withWord(1, 1, 0x0807_0605_0403_0201L);
        assertFalse(p.isZero());
        assertEquals(0x01, p.byteAt(8), "little-endian: the low byte comes first");
        assertEquals(0x08, p.byteAt(15));
        Page q = Page.zero(2).withWord(2, 1, 0x0807_0605_0403_0201L);
        assertTrue(p.sameContents(q));
        assertEquals(p.contentHash(), q.contentHash());
        Page r = q.withWord(2, 511, 1);
        assertFalse(p.sameContents(r));
        assertNotEquals(p.contentHash(), r.contentHash());
        Page cleared = Page.zero(1).withWord(1, 3, 9).withWord(1, 3, 0);
        assertTrue(cleared.isZero());
        assertTrue(cleared.sameContents(zero));
    }
}
