package org.memvirt.viewmodel.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.memvirt.engine.memory.Frame;
import org.memvirt.engine.memory.MemoryImage;

/**
 * Every host frame at one step: its look (category and owner, one {@code int} each, so the view
 * paints the map in one pass over a primitive array), how many frames have each look, and which
 * guest pages map each frame.
 */
public final class FrameMap {
    private final MemoryImage memory;
    private final int[] looks;
    private final int[] lookCounts = new int[Looks.COUNT];
    private final int[] mapperVm;
    private final int[] mapperGfn;
    private final int[] mapperCount;
    private final Map<Integer, List<GuestRef>> sharedMappers = new HashMap<>();

    private FrameMap(MemoryImage memory, Map<Integer, int[]> backings) {
        this.memory = memory;
        int n = memory.frameCount();
        looks = new int[n];
        for (int pfn = 0; pfn < n; pfn++) {
            Frame f = memory.frame(pfn);
            int look = Looks.frame(FrameCategory.of(f.use()), f.vm());
            looks[pfn] = look;
            lookCounts[look]++;
        }
        mapperVm = new int[n];
        mapperGfn = new int[n];
        mapperCount = new int[n];
        for (Map.Entry<Integer, int[]> e : backings.entrySet()) {
            int vm = e.getKey();
            int[] pfns = e.getValue();
            for (int gfn = 0; gfn < pfns.length; gfn++) {
                int pfn = pfns[gfn];
                if (pfn < 0 || pfn >= n) {
                    continue;
                }
                if (mapperCount[pfn] == 0) {
                    mapperVm[pfn] = vm;
                    mapperGfn[pfn] = gfn;
                } else {
                    List<GuestRef> all = sharedMappers.computeIfAbsent(pfn, k -> new ArrayList<>(
                            List.of(new GuestRef(mapperVm[pfn], mapperGfn[pfn]))));
                    all.add(new GuestRef(vm, gfn));
                }
                mapperCount[pfn]++;
            }
        }
    }

    /**
     * The frame map of {@code memory}.
     *
     * @param backings for each VM, the frame behind each of its guest pages (-1: none)
     */
    public static FrameMap of(MemoryImage memory, Map<Integer, int[]> backings) {
        return new FrameMap(memory, backings);
    }

    /** Frames in the host. */
    public int frameCount() {
        return looks.length;
    }

    /** The look of one frame. */
    public int look(int pfn) {
        return looks[pfn];
    }

    /** The looks of all frames, frame 0 first (a copy). */
    public int[] looks() {
        return looks.clone();
    }

    /** The engine's record of one frame: use, owner, references. */
    public Frame frame(int pfn) {
        return memory.frame(pfn);
    }

    /** What one frame is. */
    public FrameCategory category(int pfn) {
        return Looks.category(looks[pfn]);
    }

    /** Frames with exactly this look. */
    public int count(int look) {
        return lookCounts[look];
    }

    /** Frames of this category, whatever their owner. */
    public int count(FrameCategory category) {
        int sum = 0;
        for (int shade = 0; shade <= Looks.MAX_VM_SHADE; shade++) {
            sum += lookCounts[category.ordinal() << 4 | shade];
        }
        return sum;
    }

    /** Data frames of one VM. */
    public int dataFrames(int vm) {
        int count = 0;
        for (int pfn = 0; pfn < looks.length; pfn++) {
            if (looks[pfn] == Looks.frame(FrameCategory.DATA, vm) && memory.frame(pfn).vm() == vm) {
                count++;
            }
        }
        return count;
    }

    /** The guest pages the hypervisor maps to this frame, in VM then page order; empty when none. */
    public List<GuestRef> mappers(int pfn) {
        List<GuestRef> all = sharedMappers.get(pfn);
        if (all != null) {
            return List.copyOf(all);
        }
        return mapperCount[pfn] == 0 ? List.of() : List.of(new GuestRef(mapperVm[pfn], mapperGfn[pfn]));
    }

    /** The frames whose look (or reference count) differs from {@code before}'s; none when it is another machine. */
    public int[] changedSince(FrameMap before) {
        if (before == null || before.looks.length != looks.length) {
            return new int[0];
        }
        int[] changed = new int[16];
        int k = 0;
        for (int pfn = 0; pfn < looks.length; pfn++) {
            if (looks[pfn] != before.looks[pfn] || (looks[pfn] == Looks.frame(FrameCategory.SHARED, 0)
                    && memory.frame(pfn).refs() != before.memory.frame(pfn).refs())) {
                if (k == changed.length) {
                    changed = Arrays.copyOf(changed, k * 2);
                }
                changed[k++] = pfn;
            }
        }
        return Arrays.copyOf(changed, k);
    }
}
