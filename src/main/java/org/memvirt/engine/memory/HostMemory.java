package org.memvirt.engine.memory;

/**
 * The host's physical memory: frames of real bytes, each with an owner and a use. Frames are
 * handed out at seeded pseudo-random places, as a real host's free lists scatter a VM's memory,
 * so the frame map looks like a real one and a lesson replays identically.
 */
public final class HostMemory implements MemoryReader {
    /** Shift from a byte address to a 4 KiB frame number. */
    public static final int PAGE_SHIFT = 12;
    private static final Page ZERO = Page.zero(0);
    private static final int SMALL_BLOCK_FRAMES = 512;

    private final Epoch epoch;
    private final CowVector<Frame> frames;
    private final CowVector<Page> pages;
    private final Page[] live;
    private int used;
    private final java.util.Map<Integer, Integer> privateByVm = new java.util.TreeMap<>();
    private int sharedFrames;
    private long sharedRefs;
    private long rng;
    private int smallBlock = -1;

    /** A memory of {@code frameCount} free frames; {@code seed} decides where allocations land. */
    public HostMemory(Epoch epoch, int frameCount, long seed) {
        if (frameCount < 16) {
            throw new IllegalArgumentException("host memory needs at least 16 frames, not " + frameCount);
        }
        this.epoch = epoch;
        this.frames = new CowVector<>(epoch, frameCount);
        this.pages = new CowVector<>(epoch, frameCount);
        this.live = new Page[frameCount];
        this.rng = seed ^ 0x9E3779B97F4A7C15L;
    }

    /** The frame that holds a byte address. */
    public static int frameOf(long address) {
        return (int) (address >>> PAGE_SHIFT);
    }

    /** The byte address where a frame starts. */
    public static long addressOf(int pfn) {
        return ((long) pfn) << PAGE_SHIFT;
    }

    @Override
    public int frameCount() {
        return live.length;
    }

    @Override
    public int usedFrames() {
        return used;
    }

    @Override
    public Frame frame(int pfn) {
        Frame f = frames.get(pfn);
        return f == null ? Frame.FREE : f;
    }

    @Override
    public Page page(int pfn) {
        Page p = live[pfn];
        return p == null ? ZERO : p;
    }

    @Override
    public long readWord(long hpa) {
        Page p = live[(int) (hpa >>> PAGE_SHIFT)];
        return p == null ? 0 : p.word((int) ((hpa & 0xFFF) >>> 3));
    }

    /** Stores a 64-bit word at an 8-byte aligned host physical address. */
    public void writeWord(long hpa, long value) {
        int pfn = frameOf(hpa);
        Page p = live[pfn];
        if (p == null) {
            if (value == 0) {
                return;
            }
            p = Page.zero(epoch.current());
        }
        setPage(pfn, p.withWord(epoch.current(), (int) ((hpa & 0xFFF) >>> 3), value));
    }

    /** Replaces a frame's whole contents (a copy-on-write break, a swap-in). */
    public void setPage(int pfn, Page page) {
        if (live[pfn] != page) {
            live[pfn] = page;
            pages.set(pfn, page);
        }
    }

    /** Loads a copy of {@code contents} into a frame (swap-in, copy-on-write break). */
    public void loadPage(int pfn, Page contents) {
        setPage(pfn, contents == null ? null : contents.copy(epoch.current()));
    }

    /**
     * Allocates one free frame for {@code use} by {@code vm}; its contents are zero. Like a buddy
     * allocator, single frames come from one 2 MiB block at a time (at a random place inside it),
     * so scattered small allocations do not break up the aligned runs large pages need.
     */
    public int allocate(FrameUse use, int vm) {
        int blockFrames = Math.min(SMALL_BLOCK_FRAMES, frameCount());
        int blocks = frameCount() / blockFrames;
        if (freeFrames() < 1) {
            throw new OutOfHostMemory(1, 0);
        }
        if (smallBlock < 0) {
            smallBlock = (int) Long.remainderUnsigned(nextRandom(), blocks);
        }
        for (int probe = 0; probe < blocks; probe++) {
            int block = (smallBlock + probe) % blocks;
            int base = block * blockFrames;
            int start = (int) Long.remainderUnsigned(nextRandom(), blockFrames);
            for (int i = 0; i < blockFrames; i++) {
                int pfn = base + (start + i) % blockFrames;
                if (frames.get(pfn) == null) {
                    smallBlock = block;
                    frames.set(pfn, new Frame(use, vm, 1));
                    account(new Frame(use, vm, 1), 1);
                    setPage(pfn, null);
                    used++;
                    return pfn;
                }
            }
        }
        throw new OutOfHostMemory(1, freeFrames());
    }

    /**
     * Allocates the highest free frame for {@code use} by {@code vm}; its contents are zero. The
     * host kernel takes its own page-table pages this way, from the top of memory, so that they
     * leave the placement of guest frames (drawn from the seeded random source) as it was.
     */
    public int allocateFromTop(FrameUse use, int vm) {
        for (int pfn = frameCount() - 1; pfn >= 0; pfn--) {
            if (frames.get(pfn) == null) {
                Frame owner = new Frame(use, vm, 1);
                frames.set(pfn, owner);
                account(owner, 1);
                setPage(pfn, null);
                used++;
                return pfn;
            }
        }
        throw new OutOfHostMemory(1, 0);
    }

    /**
     * Allocates {@code count} contiguous free frames starting at a multiple of {@code count}
     * (a power of two): what a 2 MiB or 1 GiB host page needs.
     *
     * @throws OutOfHostMemory when no such run of frames is free
     */
    public int allocateAligned(int count, FrameUse use, int vm) {
        if (Integer.bitCount(count) != 1) {
            throw new IllegalArgumentException("frame count must be a power of two: " + count);
        }
        int slots = frameCount() / count;
        if (slots == 0 || freeFrames() < count) {
            throw new OutOfHostMemory(count, freeFrames());
        }
        int start = (int) Long.remainderUnsigned(nextRandom(), slots);
        for (int probe = 0; probe < slots; probe++) {
            int base = ((start + probe) % slots) * count;
            if (runIsFree(base, count)) {
                Frame owner = new Frame(use, vm, 1);
                for (int pfn = base; pfn < base + count; pfn++) {
                    frames.set(pfn, owner);
                    setPage(pfn, null);
                }
                account(owner, count);
                used += count;
                return base;
            }
        }
        throw new OutOfHostMemory(count, freeFrames());
    }

    /** Changes the recorded owner, use or reference count of an allocated frame. */
    public void setFrame(int pfn, Frame frame) {
        Frame old = frame(pfn);
        if (old.isFree() || frame.isFree()) {
            throw new IllegalStateException("setFrame is for allocated frames; use allocate/free");
        }
        account(old, -1);
        frames.set(pfn, frame);
        account(frame, 1);
    }

    /** Returns a frame to the free pool; its contents are dropped. */
    public void free(int pfn) {
        Frame old = frame(pfn);
        if (old.isFree()) {
            throw new IllegalStateException("frame " + pfn + " is already free");
        }
        account(old, -1);
        frames.set(pfn, null);
        setPage(pfn, null);
        used--;
    }

    /** Frames holding a VM's own data or page tables (what ESX calls the pages allocated to it). */
    public int privateFrames(int vm) {
        return privateByVm.getOrDefault(vm, 0);
    }

    /** Frames in the shared (copy-on-write) state. */
    public int sharedFrames() {
        return sharedFrames;
    }

    /** Frames that sharing saved: references to shared frames beyond the first of each. */
    public long framesSaved() {
        return sharedRefs - sharedFrames;
    }

    private void account(Frame f, int sign) {
        if (f.use() == FrameUse.DATA || f.use() == FrameUse.GUEST_TABLE) {
            privateByVm.merge(f.vm(), sign, Integer::sum);
        } else if (f.use() == FrameUse.SHARED) {
            sharedFrames += sign;
            sharedRefs += (long) sign * f.refs();
        }
    }

    /** Freezes the current contents into an immutable image. */
    public MemoryImage freeze() {
        return new MemoryImage(frames.freeze(), pages.freeze(), used);
    }

    private boolean runIsFree(int base, int count) {
        for (int pfn = base; pfn < base + count; pfn++) {
            if (frames.get(pfn) != null) {
                return false;
            }
        }
        return true;
    }

    private long nextRandom() {
        long z = (rng += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
