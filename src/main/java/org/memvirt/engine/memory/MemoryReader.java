package org.memvirt.engine.memory;

/** Read access to host physical memory: the live machine's and every snapshot's. */
public interface MemoryReader {
    /** Frames of 4 KiB in host memory. */
    int frameCount();

    /** Frames allocated to anyone. */
    int usedFrames();

    /** Frames nobody owns. */
    default int freeFrames() {
        return frameCount() - usedFrames();
    }

    /** Owner and use of a frame. */
    Frame frame(int pfn);

    /** Contents of a frame (a zero page when never written). */
    Page page(int pfn);

    /** The 64-bit little-endian word at an 8-byte aligned host physical address. */
    default long readWord(long hpa) {
        return page(HostMemory.frameOf(hpa)).word((int) ((hpa & 0xFFF) >>> 3));
    }
}
