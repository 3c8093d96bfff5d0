package org.memvirt.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A 100,000-step lesson keeps its whole history in memory (snapshots share structure) and the
 * player jumps anywhere by indexing into it. The heap the history takes and the time of a jump
 * are printed, not asserted against a clock; the heap is checked against a generous bound.
 */
class LongHistoryTest {
    static final int STEPS = 100_000;
    static final int PAGES = 48;

    /** Reads round-robin over 48 pages (a 64-entry TLB: mostly hits), with a write every 100 steps. */
    static String lesson() {
        StringBuilder sb = new StringBuilder("""
                title: One hundred thousand steps
                machine:
                  mode: nested
                  vms:
                  - {name: guest, memory: 64M, processes: [app]}
                initial:
                  mappings:
                  - {gva: 0x7f0000000000, count: %d}
                chapters:
                """.formatted(PAGES));
        for (int s = 0; s < STEPS; s++) {
            if (s % 1000 == 0) {
                sb.append("- title: c").append(s / 1000).append("\n  steps:\n");
            }
            long gva = 0x7f0000000000L + (long) (s % PAGES) * 4096 + 8 * (s % 512);
            sb.append(s % 100 == 99 ? "  - write: 0x" : "  - read: 0x").append(Long.toHexString(gva)).append('\n');
        }
        return sb.toString();
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void aHundredThousandStepsFitAndJumpsAreIndexLookups() {
        String text = lesson();
        long before = usedHeap();
        long start = System.nanoTime();
        LessonLoad load = new LessonLoader().load("long.yaml", text, AssetFolder.none());
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(load.passes(), load.allProblems().toString());
        long after = usedHeap();
        LessonPlayer player = new LessonPlayer(load.played());
        assertEquals(STEPS, player.stepCount());
        long events = load.played().steps().stream().mapToLong(s -> s.result().events().size()).sum();
        double historyMb = (after - before) / 1048576.0;

        Random random = new Random(100_000);
        long checksum = 0;
        int jumps = 200_000;
        start = System.nanoTime();
        for (int i = 0; i < jumps; i++) {
            player.jumpTo(random.nextInt(STEPS + 1));
            checksum += player.snapshot().counters().accesses() + player.shownEvents().size();
        }
        double nanosPerJump = (System.nanoTime() - start) / (double) jumps;
        player.toEnd();
        assertEquals(STEPS, player.counters().accesses());
        System.out.printf("LongHistoryTest: %,d steps, %,d events, history %.1f MiB (%.0f bytes/step), loaded in %,d ms;"
                + " %,d random jumps at %.0f ns each (checksum %d)%n", STEPS, events, historyMb,
                (after - before) / (double) STEPS, loadMillis, jumps, nanosPerJump, checksum);
        assertTrue(historyMb < 512, "history takes " + historyMb + " MiB");
    }
}
