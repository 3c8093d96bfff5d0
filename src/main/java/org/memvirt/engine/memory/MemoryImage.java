package org.memvirt.engine.memory;

/** Host memory as it was at one step: immutable, shares unchanged frames with other steps. */
public final class MemoryImage implements MemoryReader {
    private static final Page ZERO = Page.zero(0);
    private final CowVector.Frozen<Frame> frames;
    private final CowVector.Frozen<Page> pages;
    private final int used;

    MemoryImage(CowVector.Frozen<Frame> frames, CowVector.Frozen<Page> pages, int used) {
        this.frames = frames;
        this.pages = pages;
        this.used = used;
    }

    @Override
    public int frameCount() {
        return frames.size();
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
        Page p = pages.get(pfn);
        return p == null ? ZERO : p;
    }
}
