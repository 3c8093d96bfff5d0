package org.memvirt.engine.reclaim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.memvirt.engine.event.EventSink;
import org.memvirt.engine.event.PageMerge;
import org.memvirt.engine.event.PageScan;
import org.memvirt.engine.event.ScanOutcome;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.engine.memory.HostMemory;
import org.memvirt.engine.memory.Page;
import org.memvirt.engine.vmm.Hypervisor;

/**
 * VMware ESX's content-based page sharing (Waldspurger, section 4.2). A scan hashes a page and
 * looks the 64-bit hash up in one global table. No match: the page is recorded as a hint, and
 * not write-protected, since it may well change. A later match against a hint rehashes the
 * hinted page: if it changed, the hint is stale and dropped; if not, both pages map one
 * read-only, reference-counted frame and the other frame is freed. A match against a shared
 * frame (after a full comparison) simply adds a reference. Scanning is rate-limited: by default
 * 50 pages a second per VM and 200 a second in all.
 */
final class EsxSharing implements SharingScanner {
    private final HostMemory memory;
    private final SharedFrames shared;
    private final ReclaimConfig config;
    private final Map<Long, Object> table = new HashMap<>();
    private final Map<Integer, ScanCursor> cursors = new LinkedHashMap<>();
    private int fullScans;

    private record Hint(int vm, long gpa) {
    }

    private record SharedFrame(int pfn) {
    }

    EsxSharing(HostMemory memory, SharedFrames shared, ReclaimConfig config, Hypervisor hypervisor) {
        this.memory = memory;
        this.shared = shared;
        this.config = config;
        for (int vm : hypervisor.vms()) {
            cursors.put(vm, new ScanCursor(List.of(vm), v -> hypervisor.ramBytes(v) >>> 12));
        }
    }

    @Override
    public int fullScans() {
        return fullScans;
    }

    @Override
    public int scan(double seconds, EventSink sink) {
        int perVm = (int) Math.floor(config.esxRatePerVm() * seconds);
        int total = (int) Math.floor(config.esxRateTotal() * seconds);
        List<ScanCursor> active = new ArrayList<>(cursors.values());
        int[] done = new int[active.size()];
        int scanned = 0;
        boolean progress = true;
        while (scanned < total && progress) {
            progress = false;
            for (int i = 0; i < active.size() && scanned < total; i++) {
                if (done[i] >= perVm) {
                    continue;
                }
                ScanCursor c = active.get(i);
                scanPage(c.vm(), c.gpa(), sink);
                if (c.advance() && i == 0) {
                    fullScans++;
                }
                done[i]++;
                scanned++;
                progress = true;
            }
        }
        return scanned;
    }

    private void scanPage(int vm, long gpa, EventSink sink) {
        int pfn = shared.frameOf(vm, gpa);
        if (pfn < 0 || memory.frame(pfn).use() != FrameUse.DATA) {
            emit(sink, new PageScan(vm, gpa, 0, ScanOutcome.SKIPPED));
            return;
        }
        Page page = memory.page(pfn);
        long hash = page.contentHash();
        Object entry = table.get(hash);
        if (entry instanceof SharedFrame sf && memory.frame(sf.pfn()).use() == FrameUse.SHARED) {
            if (memory.page(sf.pfn()).sameContents(page)) {
                emit(sink, new PageScan(vm, gpa, hash, ScanOutcome.MERGED));
                int freed = shared.mergeInto(vm, gpa, sf.pfn(), sink);
                emit(sink, new PageMerge(vm, gpa, sf.pfn(), freed, memory.frame(sf.pfn()).refs()));
            } else {
                emit(sink, new PageScan(vm, gpa, hash, ScanOutcome.SKIPPED));
            }
            return;
        }
        if (entry instanceof Hint hint && !(hint.vm() == vm && hint.gpa() == gpa)) {
            int hintedPfn = shared.frameOf(hint.vm(), hint.gpa());
            boolean stale = hintedPfn < 0 || memory.frame(hintedPfn).use() != FrameUse.DATA
                    || memory.page(hintedPfn).contentHash() != hash;
            if (stale) {
                emit(sink, new PageScan(hint.vm(), hint.gpa(), hash, ScanOutcome.STALE_HINT));
                table.put(hash, new Hint(vm, gpa));
                emit(sink, new PageScan(vm, gpa, hash, ScanOutcome.HINT));
                return;
            }
            if (!memory.page(hintedPfn).sameContents(page)) {
                emit(sink, new PageScan(vm, gpa, hash, ScanOutcome.SKIPPED));
                return;
            }
            int frame = shared.share(hint.vm(), hint.gpa());
            emit(sink, new PageMerge(hint.vm(), hint.gpa(), frame, -1, 1));
            emit(sink, new PageScan(vm, gpa, hash, ScanOutcome.MERGED));
            int freed = shared.mergeInto(vm, gpa, frame, sink);
            emit(sink, new PageMerge(vm, gpa, frame, freed, memory.frame(frame).refs()));
            table.put(hash, new SharedFrame(frame));
            return;
        }
        table.put(hash, new Hint(vm, gpa));
        emit(sink, new PageScan(vm, gpa, hash, ScanOutcome.HINT));
    }

    private static void emit(EventSink sink, org.memvirt.engine.event.Event e) {
        if (sink.recording()) {
            sink.emit(e);
        }
    }
}
