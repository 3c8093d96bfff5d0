package org.memvirt.engine.reclaim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.memvirt.engine.event.EventSink;
import org.memvirt.engine.event.PageMerge;
import org.memvirt.engine.event.PageScan;
import org.memvirt.engine.event.ScanOutcome;
import org.memvirt.engine.memory.Frame;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.memory.Page;
import org.memvirt.engine.vmm.Hypervisor;

/**
 * Linux KSM ({@code mm/ksm.c}): a stable tree of merged, write-protected pages and an unstable
 * tree of candidates that is rebuilt on every full scan. A page enters the unstable tree only
 * if its checksum did not change since the previous scan (volatile pages are skipped), so two
 * identical pages merge on the second full scan at the earliest. {@code pages_to_scan} pages are
 * scanned every {@code sleep_millisecs}; a stable page has at most {@code max_page_sharing}
 * sharers; with {@code use_zero_pages} empty pages map to one zero frame. (The trees are kept
 * ordered by content in Linux; here a hash of the content finds the same pages.)
 */
final class KsmSharing implements SharingScanner {
    private final HostMemory memory;
    private final SharedFrames shared;
    private final ReclaimConfig config;
    private final ScanCursor cursor;
    private final Map<Long, List<Integer>> stable = new HashMap<>();
    private final Map<Long, List<Long>> unstable = new HashMap<>();
    private final Map<Long, Long> checksums = new HashMap<>();
    private int zeroFrame = -1;

    KsmSharing(HostMemory memory, SharedFrames shared, ReclaimConfig config, Hypervisor hypervisor) {
        this.memory = memory;
        this.shared = shared;
        this.config = config;
        this.cursor = new ScanCursor(new ArrayList<>(hypervisor.vms()), v -> hypervisor.ramBytes(v) >>> 12);
    }

    @Override
    public int fullScans() {
        return cursor.wraps();
    }

    @Override
    public int scan(double seconds, EventSink sink) {
        long batches = (long) Math.floor(seconds * 1000 / config.ksmSleepMillis());
        long pages = batches * config.ksmPagesToScan();
        for (long i = 0; i < pages; i++) {
            scanPage(cursor.vm(), cursor.gpa(), sink);
            if (cursor.advance()) {
                unstable.clear();
            }
        }
        return (int) pages;
    }

    private void scanPage(int vm, long gpa, EventSink sink) {
        int pfn = shared.frameOf(vm, gpa);
        if (pfn < 0 || memory.frame(pfn).use() != FrameUse.DATA) {
            emit(sink, new PageScan(vm, gpa, 0, ScanOutcome.SKIPPED));
            return;
        }
        Page page = memory.page(pfn);
        long hash = page.contentHash();
        int stableFrame = findStable(hash, page);
        if (stableFrame >= 0) {
            merge(vm, gpa, stableFrame, hash, sink);
            return;
        }
        long key = Hypervisor.key(vm, gpa);
        Long previous = checksums.put(key, hash);
        if (previous == null || previous != hash) {
            emit(sink, new PageScan(vm, gpa, hash, ScanOutcome.SKIPPED));
            return;
        }
        if (config.ksmUseZeroPages() && page.isZero()) {
            if (zeroFrame < 0 || memory.frame(zeroFrame).use() != FrameUse.SHARED) {
                zeroFrame = shared.share(vm, gpa);
                emit(sink, new PageMerge(vm, gpa, zeroFrame, -1, 1));
                return;
            }
            merge(vm, gpa, zeroFrame, hash, sink);
            return;
        }
        List<Long> candidates = unstable.computeIfAbsent(hash, h -> new ArrayList<>());
        for (long other : candidates) {
            int otherVm = Hypervisor.vmOfKey(other);
            long otherGpa = Hypervisor.gpaOfKey(other);
            int otherPfn = shared.frameOf(otherVm, otherGpa);
            if (otherPfn >= 0 && otherPfn != pfn && memory.frame(otherPfn).use() == FrameUse.DATA
                    && memory.page(otherPfn).sameContents(page)) {
                candidates.remove(other);
                int frame = shared.share(otherVm, otherGpa);
                stable.computeIfAbsent(hash, h -> new ArrayList<>()).add(frame);
                emit(sink, new PageMerge(otherVm, otherGpa, frame, -1, 1));
                merge(vm, gpa, frame, hash, sink);
                return;
            }
        }
        candidates.add(key);
        emit(sink, new PageScan(vm, gpa, hash, ScanOutcome.HINT));
    }

    private int findStable(long hash, Page page) {
        List<Integer> frames = stable.get(hash);
        if (frames == null) {
            return -1;
        }
        frames.removeIf(f -> memory.frame(f).use() != FrameUse.SHARED);
        for (int f : frames) {
            Frame frame = memory.frame(f);
            if (frame.refs() < config.ksmMaxPageSharing() && memory.page(f).sameContents(page)) {
                return f;
            }
        }
        return -1;
    }

    private void merge(int vm, long gpa, int frame, long hash, EventSink sink) {
        emit(sink, new PageScan(vm, gpa, hash, ScanOutcome.MERGED));
        int freed = shared.mergeInto(vm, gpa, frame, sink);
        checksums.remove(Hypervisor.key(vm, gpa));
        emit(sink, new PageMerge(vm, gpa, frame, freed, memory.frame(frame).refs()));
    }

    private static void emit(EventSink sink, org.memvirt.engine.event.Event e) {
        if (sink.recording()) {
            sink.emit(e);
        }
    }
}
