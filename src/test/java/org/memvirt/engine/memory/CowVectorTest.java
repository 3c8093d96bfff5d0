package org.memvirt.engine.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The copy-on-write vector behind host memory snapshots. */
class CowVectorTest {

    @Test
    void setAfterFreezeDoesNotShowThroughTheFrozenView() {
        CowVector<String> v = new CowVector<>(new Epoch(), 100);
        v.set(3, "a");
        CowVector.Frozen<String> frozen = v.freeze();

        v.set(3, "b");
        v.set(4, "c");

        assertEquals("a", frozen.get(3));
        assertNull(frozen.get(4));
        assertEquals("b", v.get(3));
        assertEquals("c", v.get(4));
    }

    @Test
    void frozenViewIsUnchangedWhenTheEpochAdvancesAsTheMachineDoes() {
        Epoch epoch = new Epoch();
        CowVector<Integer> v = new CowVector<>(epoch, 5000);
        v.set(4095, 1);
        CowVector.Frozen<Integer> frozen = v.freeze();
        epoch.advance();
        v.set(4095, 2);
        v.set(4094, 3);
        assertEquals(1, frozen.get(4095));
        assertNull(frozen.get(4094));
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(ints = {1, 31, 32, 33, 1024, 1025, 40000})
    void everyFrozenGenerationKeepsItsContents(int size) {
        long seeds = size > 5000 ? 3 : 20;
        for (long seed = 1; seed <= seeds; seed++) {
            Random rnd = new Random(seed * 31 + size);
            Epoch epoch = new Epoch();
            CowVector<Integer> v = new CowVector<>(epoch, size);
            Integer[] model = new Integer[size];
            List<CowVector.Frozen<Integer>> frozen = new ArrayList<>();
            List<Integer[]> expected = new ArrayList<>();
            for (int generation = 0; generation < 60; generation++) {
                int writes = rnd.nextInt(20);
                for (int w = 0; w < writes; w++) {
                    int i = rnd.nextInt(size);
                    Integer value = rnd.nextInt(5) == 0 ? null : rnd.nextInt();
                    v.set(i, value);
                    model[i] = value;
                }
                frozen.add(v.freeze());
                expected.add(model.clone());
                if (rnd.nextBoolean()) {
                    epoch.advance();
                }
            }
            for (int g = 0; g < frozen.size(); g++) {
                Integer[] want = expected.get(g);
                CowVector.Frozen<Integer> f = frozen.get(g);
                assertEquals(size, f.size());
                for (int i = 0; i < size; i++) {
                    int gen = g;
                    int slot = i;
                    long s = seed;
                    assertEquals(want[i], f.get(i), () -> "seed " + s + ", generation " + gen + ", slot " + slot);
                }
            }
            for (int i = 0; i < size; i++) {
                assertEquals(model[i], v.get(i));
            }
        }
    }

    @Test
    void indexesOutsideTheVectorAreRejected() {
        CowVector<String> v = new CowVector<>(new Epoch(), 40);
        v.set(5, "five");
        assertThrows(IndexOutOfBoundsException.class, () -> v.set(40, "x"));
        assertThrows(IndexOutOfBoundsException.class, () -> v.set(-1, "x"));
        assertThrows(IndexOutOfBoundsException.class, () -> v.freeze().get(40));
        // 1029 = 32·32 + 5 would alias slot 5 if the radix tree were indexed without a bounds check.
        assertThrows(IndexOutOfBoundsException.class, () -> v.get(1029));
        assertThrows(IndexOutOfBoundsException.class, () -> v.get(-1));
        assertThrows(IllegalArgumentException.class, () -> new CowVector<String>(new Epoch(), 0));
        assertEquals(Arrays.asList("five", null), Arrays.asList(v.get(5), v.get(39)));
    }
}
