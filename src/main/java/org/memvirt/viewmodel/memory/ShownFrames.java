package org.memvirt.viewmodel.memory;

import java.util.Arrays;
import java.util.List;

import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.MemoryImage;
import org.memvirt.viewmodel.StepFrame;

/**
 * The host frames the map draws when most of the host is idle: every frame that holds something
 * at any step of the lesson, in frame order, so the frames the lesson is about get cells large
 * enough to read from the back row, and a frame keeps its cell from step to step. The frames
 * left out were free throughout; the map names them as one block ("16,359 free frames").
 * Identity matters: one instance per lesson, so the map can tell it has not changed.
 */
public final class ShownFrames {
    /** At most this many frame checks (frames × steps) when the lesson opens; past it only the step shown counts. */
    static final long BUDGET = 40_000_000L;
    /** The map is compacted only when at most this share of the host is ever used. */
    static final double MAX_SHARE = 0.25;

    private final int total;
    private final int[] pfns;
    private final int[] slotOf;

    private ShownFrames(int total, int[] pfns) {
        this.total = total;
        this.pfns = pfns;
        slotOf = new int[total];
        Arrays.fill(slotOf, -1);
        for (int i = 0; i < pfns.length; i++) {
            slotOf[pfns[i]] = i;
        }
    }

    /**
     * The frames used at any of {@code frames}' steps, or null when the whole host should be drawn
     * (more than a quarter of it is used, or there is nothing to show).
     */
    public static ShownFrames of(List<StepFrame> frames) {
        if (frames.isEmpty()) {
            return null;
        }
        int total = frames.get(0).snapshot().memory().frameCount();
        boolean[] used = new boolean[total];
        boolean all = (long) total * frames.size() <= BUDGET;
        for (StepFrame f : all ? frames : List.of(frames.get(frames.size() - 1))) {
            MemoryImage m = f.snapshot().memory();
            if (m.frameCount() != total) {
                return null;
            }
            for (int pfn = 0; pfn < total; pfn++) {
                if (!used[pfn] && m.frame(pfn).use() != FrameUse.FREE) {
                    used[pfn] = true;
                }
            }
        }
        int n = 0;
        for (boolean u : used) {
            n += u ? 1 : 0;
        }
        if (n == 0 || n > total * MAX_SHARE) {
            return null;
        }
        int[] pfns = new int[n];
        int k = 0;
        for (int pfn = 0; pfn < total; pfn++) {
            if (used[pfn]) {
                pfns[k++] = pfn;
            }
        }
        return new ShownFrames(total, pfns);
    }

    /** Frames drawn. */
    public int size() {
        return pfns.length;
    }

    /** Frames in the host. */
    public int total() {
        return total;
    }

    /** Frames left out: free at every step. */
    public int hidden() {
        return total - pfns.length;
    }

    /** The block that stands for the frames left out: "16,359 free frames, free all lesson long, not drawn". */
    public String hiddenText() {
        return Numbers.count(hidden()) + " free frames, free all lesson long, not drawn";
    }

    /** The cell of frame {@code pfn}, or -1 when it is left out. */
    public int slotOf(int pfn) {
        return pfn < 0 || pfn >= total ? -1 : slotOf[pfn];
    }

    /** The frame in cell {@code slot}. */
    public int pfnAt(int slot) {
        return pfns[slot];
    }
}
