package org.memvirt.engine.guest;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.event.BalloonDeflate;
import org.memvirt.engine.event.BalloonInflate;
import org.memvirt.engine.event.EventSink;

/**
 * A virtio-balloon driver inside the guest. The host sets a target ({@code num_pages}); the
 * driver allocates guest pages as any kernel code would (free ones first, then whatever the
 * guest's own replacement gives up), pins them and reports their numbers to the host, at most
 * 256 per message, and the host frees the frames behind them. Deflating tells the host first,
 * then returns the pages to the guest. With deflate-on-OOM the driver gives back 256 pages when
 * the guest runs out of memory.
 */
public final class BalloonDriver {
    /** Page numbers per virtio message (VIRTIO_BALLOON_ARRAY_PFNS_MAX). */
    public static final int BATCH = 256;
    private final int vm;
    private final GuestMemoryMap map;
    private final BalloonHost host;
    private final boolean deflateOnOom;
    private final List<Long> pages = new ArrayList<>();
    private GuestPager pager;
    private long target;

    BalloonDriver(int vm, GuestMemoryMap map, BalloonHost host, boolean deflateOnOom) {
        this.vm = vm;
        this.map = map;
        this.host = host;
        this.deflateOnOom = deflateOnOom;
    }

    void attach(GuestPager guestPager) {
        this.pager = guestPager;
    }

    /** Pages in the balloon ({@code actual}). */
    public long size() {
        return pages.size();
    }

    /** The host's target ({@code num_pages}). */
    public long target() {
        return target;
    }

    public boolean deflateOnOom() {
        return deflateOnOom;
    }

    /** The host changes the target; the driver inflates or deflates toward it in batches. */
    public void setTarget(long pagesWanted, GuestCpu cpu, EventSink sink) {
        if (pagesWanted < 0) {
            throw new IllegalArgumentException("a balloon target cannot be negative: " + pagesWanted);
        }
        target = pagesWanted;
        while (pages.size() < target) {
            List<Long> batch = new ArrayList<>();
            while (batch.size() < BATCH && pages.size() + batch.size() < target) {
                long gpa;
                try {
                    gpa = pager.allocate(GuestPage.BALLOON, null, cpu, sink);
                } catch (GuestOutOfMemory full) {
                    break;
                }
                batch.add(gpa);
            }
            if (batch.isEmpty()) {
                break;
            }
            pages.addAll(batch);
            report(batch, sink);
        }
        while (pages.size() > target) {
            deflate((int) Math.min(BATCH, pages.size() - target), "the host lowered the target", sink);
        }
    }

    /** The guest ran out of memory: give back one batch regardless of the target. */
    void deflateOnOom(GuestCpu cpu, EventSink sink) {
        deflate((int) Math.min(BATCH, pages.size()), "the guest ran out of memory (deflate on OOM)", sink);
    }

    private void report(List<Long> batch, EventSink sink) {
        int freed = host.inflated(vm, batch, sink);
        if (sink.recording()) {
            sink.emit(new BalloonInflate(vm, batch.stream().map(g -> g >>> 12).toList(), freed, pages.size(), target));
        }
    }

    private void deflate(int count, String reason, EventSink sink) {
        List<Long> batch = new ArrayList<>(pages.subList(pages.size() - count, pages.size()));
        host.deflated(vm, batch, sink);
        pages.subList(pages.size() - count, pages.size()).clear();
        for (long gpa : batch) {
            map.free(gpa);
        }
        if (sink.recording()) {
            sink.emit(new BalloonDeflate(vm, batch.stream().map(g -> g >>> 12).toList(), pages.size(), target,
                    reason));
        }
    }

    /**
     * The host side of the balloon, as the virtio device sees it.
     */
    public interface BalloonHost {
        /** Pages entered the balloon: free what backs them; returns the frames freed. */
        int inflated(int vm, List<Long> gpas, EventSink sink);

        /** Pages leave the balloon; the guest will use them again. */
        void deflated(int vm, List<Long> gpas, EventSink sink);
    }
}
