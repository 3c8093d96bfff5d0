package org.memvirt.viewmodel.memory;

import java.util.List;

/**
 * One movement the memory map animates, described as data: which cells change and where things
 * travel. The view turns each into a short animation; with "fast" on it draws the result only.
 * Frames and guest pages are numbers (host frame number, guest page frame number).
 */
public sealed interface MemoryAnimation {

    /** The VM concerned, or 0 for the host itself. */
    int vm();

    /**
     * The guest touched a page no frame backed: the hypervisor took a free frame and mapped it
     * (an EPT violation; demand paging at the host).
     *
     * @param gfn   the guest page
     * @param frame the frame that backs it now
     */
    record Backed(int vm, int gfn, int frame) implements MemoryAnimation {
    }

    /**
     * The balloon driver took pages from the guest's free list (or evicted some) and the host
     * freed the frames behind them.
     *
     * @param gfns          the guest pages now in the balloon
     * @param freedFrames   the host frames that turned free
     * @param balloonBefore pages in the balloon before this message
     * @param balloonAfter  pages in the balloon after it
     * @param target        the host's target
     */
    record BalloonInflation(int vm, List<Integer> gfns, List<Integer> freedFrames, long balloonBefore,
                            long balloonAfter, long target) implements MemoryAnimation {
        public BalloonInflation {
            gfns = List.copyOf(gfns);
            freedFrames = List.copyOf(freedFrames);
        }
    }

    /**
     * The balloon gave pages back to the guest's free list (unbacked until the guest touches them).
     *
     * @param gfns          the guest pages returned
     * @param balloonBefore pages in the balloon before
     * @param balloonAfter  pages in the balloon after
     * @param reason        why
     */
    record BalloonDeflation(int vm, List<Integer> gfns, long balloonBefore, long balloonAfter, String reason)
            implements MemoryAnimation {
        public BalloonDeflation {
            gfns = List.copyOf(gfns);
        }
    }

    /**
     * A guest page now maps a shared frame: its own frame (if it had one) merged into it.
     *
     * @param gfn         the guest page
     * @param sharedFrame the frame it maps now
     * @param freedFrame  its former frame, now free; -1 when the page's own frame became the shared one
     * @param refs        guest pages mapping the shared frame now
     */
    record Merge(int vm, int gfn, int sharedFrame, int freedFrame, int refs) implements MemoryAnimation {
    }

    /**
     * A write to a shared page: the page gets a private copy and the shared frame one reference less.
     *
     * @param gfn         the guest page written
     * @param sharedFrame the frame it left
     * @param newFrame    its private copy
     * @param refsLeft    guest pages still mapping the shared frame (0: the shared frame is free)
     */
    record CowSplit(int vm, int gfn, int sharedFrame, int newFrame, int refsLeft) implements MemoryAnimation {
    }

    /**
     * The host wrote a guest page to its swap device behind the guest's back and freed the frame.
     *
     * @param gfn   the guest page
     * @param frame the frame freed
     * @param slot  the swap slot that holds the contents now
     */
    record HostSwapOut(int vm, int gfn, int frame, int slot) implements MemoryAnimation {
    }

    /**
     * The host read a swapped guest page back into a fresh frame.
     *
     * @param gfn   the guest page
     * @param frame the new frame
     * @param slot  the slot it came from
     */
    record HostSwapIn(int vm, int gfn, int frame, int slot) implements MemoryAnimation {
    }

    /**
     * The guest wrote one of its pages to its own swap and freed the page (its frame stays
     * allocated: the host cannot tell).
     *
     * @param gfn the guest page freed
     * @param gva the virtual page unmapped
     */
    record GuestSwapOut(int vm, int gfn, long gva) implements MemoryAnimation {
    }

    /**
     * The guest read a page back from its own swap.
     *
     * @param gfn the guest page that holds it now
     * @param gva the virtual page mapped again
     */
    record GuestSwapIn(int vm, int gfn, long gva) implements MemoryAnimation {
    }

    /**
     * The host took frames for its own use (memory pressure).
     *
     * @param frames the frames taken
     */
    record HostTake(List<Integer> frames) implements MemoryAnimation {
        public HostTake {
            frames = List.copyOf(frames);
        }

        @Override
        public int vm() {
            return 0;
        }
    }

    /**
     * The host gave frames it had taken back to the free pool.
     *
     * @param frames the frames returned
     */
    record HostGiveBack(List<Integer> frames) implements MemoryAnimation {
        public HostGiveBack {
            frames = List.copyOf(frames);
        }

        @Override
        public int vm() {
            return 0;
        }
    }
}
