package org.memvirt.viewmodel.lanes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.memvirt.engine.event.BalloonDeflate;
import org.memvirt.engine.event.BalloonInflate;
import org.memvirt.engine.event.CowBreak;
import org.memvirt.engine.event.EptFill;
import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.EventVisitor;
import org.memvirt.engine.event.FaultVisibility;
import org.memvirt.engine.event.FrameAlloc;
import org.memvirt.engine.event.FrameFree;
import org.memvirt.engine.event.GuestPageFault;
import org.memvirt.engine.event.GuestWrite;
import org.memvirt.engine.event.HostFaultKind;
import org.memvirt.engine.event.HostPageFault;
import org.memvirt.engine.event.HostTableRead;
import org.memvirt.engine.event.MemslotLookup;
import org.memvirt.engine.event.MmuNotifierInvalidate;
import org.memvirt.engine.event.LookupOutcome;
import org.memvirt.engine.event.PageMerge;
import org.memvirt.engine.event.PageScan;
import org.memvirt.engine.event.ShadowSync;
import org.memvirt.engine.event.SwapIn;
import org.memvirt.engine.event.SwapOut;
import org.memvirt.engine.event.Swapper;
import org.memvirt.engine.event.SyncKind;
import org.memvirt.engine.event.TlbLookup;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.event.VmEntry;
import org.memvirt.engine.event.VmExit;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.engine.event.WriteTarget;
import org.memvirt.viewmodel.HexAddress;

/**
 * A step's events as work in lanes, in the order it ran: the MMU walks while the guest runs; a
 * delivered page fault traps into the guest kernel; a VM exit drops to the hypervisor, which
 * fills, syncs or copies, and a VM entry climbs back (into the kernel when it injects a fault).
 * Runs of the same work in the same lane become one segment with a count.
 */
public final class ExecutionLanes {
    private ExecutionLanes() {
    }

    /** The segments of {@code events}; when there are none, {@code quiet}: work that left no event. */
    public static List<LaneSegment> of(List<Event> events, List<LaneSegment> quiet) {
        return events.isEmpty() ? List.copyOf(quiet) : of(events);
    }

    /** The segments of {@code events}, in order. */
    public static List<LaneSegment> of(List<Event> events) {
        Builder b = new Builder();
        for (Event e : events) {
            e.accept(b);
        }
        return List.copyOf(b.segments);
    }

    /** Folds events into segments, keeping track of the lane the processor is in. */
    private static final class Builder implements EventVisitor<Void> {
        private final List<LaneSegment> segments = new ArrayList<>();
        private Lane guestLane = Lane.GUEST_APP;
        private boolean inHypervisor;
        /** What the last segment stands for, when more of the same may join it. */
        private String lastKey;
        /** The kinds of shadow sync in the last segment, when it is a run of them. */
        private final Map<SyncKind, Integer> syncs = new EnumMap<>(SyncKind.class);

        private Lane here() {
            return inHypervisor ? Lane.HYPERVISOR : guestLane;
        }

        private void add(Lane lane, SegmentKind kind, String label, String detail) {
            segments.add(new LaneSegment(lane, kind, label, detail, 1));
            lastKey = null;
        }

        /** Adds to the last segment when it is the same work in the same lane, else starts one. */
        private void merge(Lane lane, SegmentKind kind, String one, String many, String detail) {
            String key = lane + "/" + many;
            if (key.equals(lastKey)) {
                LaneSegment last = segments.get(segments.size() - 1);
                segments.set(segments.size() - 1, last.plusOne(String.format(Locale.ROOT, many, last.count() + 1),
                        detail));
                return;
            }
            add(lane, kind, one, detail);
            lastKey = key;
        }

        @Override
        public Void visitTlbLookup(TlbLookup e) {
            if (e.outcome() == LookupOutcome.HIT) {
                add(here(), SegmentKind.HARDWARE_WALK, "TLB hit", "the " + e.cache() + " had " + HexAddress.compact(e.address()));
            }
            return null;
        }

        @Override
        public Void visitWalkStep(WalkStep e) {
            merge(here(), SegmentKind.HARDWARE_WALK, "MMU walk · 1 ref", "MMU walk · %d refs", "");
            return null;
        }

        @Override
        public Void visitTranslated(Translated e) {
            add(here(), SegmentKind.ACCESS, "data", "gVA " + HexAddress.compact(e.gva()) + " → hPA " + HexAddress.compact(e.hpa()));
            return null;
        }

        @Override
        public Void visitGuestPageFault(GuestPageFault e) {
            if (e.visibility() == FaultVisibility.DELIVERED) {
                inHypervisor = false;
                guestLane = Lane.GUEST_KERNEL;
                add(Lane.GUEST_KERNEL, SegmentKind.GUEST_FAULT, "#PF handler",
                        "page fault at " + HexAddress.compact(e.gva()) + ", error code " + HexAddress.compact(e.errorCode()) + ": " + e.reason());
            }
            return null;
        }

        @Override
        public Void visitVmExit(VmExit e) {
            inHypervisor = true;
            add(Lane.HYPERVISOR, SegmentKind.VM_EXIT, "exit: " + e.reason(), e.detail());
            return null;
        }

        @Override
        public Void visitVmEntry(VmEntry e) {
            inHypervisor = false;
            add(Lane.HYPERVISOR, SegmentKind.VM_ENTRY, "VM entry", e.action());
            if (e.action().startsWith("injecting")) {
                guestLane = Lane.GUEST_KERNEL;
            }
            return null;
        }

        @Override
        public Void visitEptFill(EptFill e) {
            hypervisorWork("EPT fill", "EPT fill ×%d", "backed gPA " + HexAddress.compact(e.gpa()) + " with hPA " + HexAddress.compact(e.hpa()));
            return null;
        }

        @Override
        public Void visitFrameAlloc(FrameAlloc e) {
            return null;
        }

        @Override
        public Void visitFrameFree(FrameFree e) {
            return null;
        }

        @Override
        public Void visitGuestWrite(GuestWrite e) {
            if (e.target() == WriteTarget.DATA) {
                add(guestLane, SegmentKind.ACCESS, "store", "wrote " + HexAddress.compact(e.value()) + " at " + HexAddress.compact(e.gva()));
            } else if (trappedStore()) {
                // the kernel's store came first: it trapped, the hypervisor emulated it, then resumed
                int exit = lastExit();
                segments.add(exit, new LaneSegment(Lane.GUEST_KERNEL, SegmentKind.KERNEL_WORK, "PTE store (traps)",
                        "the kernel wrote " + HexAddress.compact(e.value()) + " into its table entry at " + HexAddress.compact(e.address())
                                + "; the page is write-protected, so the store exits and is emulated", 1));
                guestLane = Lane.GUEST_KERNEL;
                lastKey = null;
            } else {
                merge(Lane.GUEST_KERNEL, SegmentKind.KERNEL_WORK, "PTE write", "PTE writes ×%d",
                        "wrote " + HexAddress.compact(e.value()) + " into the table entry at " + HexAddress.compact(e.address()));
            }
            return null;
        }

        /** One segment for a run of shadow syncs, its label counting each kind: "shadow: 3 fills, 3 write-protects". */
        @Override
        public Void visitShadowSync(ShadowSync e) {
            String key = "shadow";
            if (!key.equals(lastKey)) {
                segments.add(new LaneSegment(Lane.HYPERVISOR, SegmentKind.HYPERVISOR_WORK, "", "", 0));
                syncs.clear();
                lastKey = key;
            }
            syncs.merge(e.kind(), 1, Integer::sum);
            LaneSegment last = segments.get(segments.size() - 1);
            List<String> parts = new ArrayList<>();
            syncs.forEach((k, n) -> parts.add(n + " " + k.name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + (n > 1 ? "s" : "")));
            String detail = last.detail().isEmpty() ? e.detail() : last.detail() + "\n" + e.detail();
            segments.set(segments.size() - 1, new LaneSegment(Lane.HYPERVISOR, SegmentKind.HYPERVISOR_WORK,
                    "shadow: " + String.join(", ", parts), detail, last.count() + 1));
            return null;
        }

        @Override
        public Void visitSwapOut(SwapOut e) {
            swap(e.swapper(), "swap out", "gPA " + HexAddress.compact(e.gpa()) + " to slot " + e.slot());
            return null;
        }

        @Override
        public Void visitSwapIn(SwapIn e) {
            swap(e.swapper(), "swap in", "gPA " + HexAddress.compact(e.gpa()) + " from slot " + e.slot());
            return null;
        }

        @Override
        public Void visitBalloonInflate(BalloonInflate e) {
            add(Lane.GUEST_KERNEL, SegmentKind.KERNEL_WORK, "balloon +" + e.gfns().size(),
                    "the balloon driver gave " + e.gfns().size() + " pages to the host (balloon " + e.balloonSize()
                            + " of " + e.target() + ")");
            return null;
        }

        @Override
        public Void visitBalloonDeflate(BalloonDeflate e) {
            add(Lane.GUEST_KERNEL, SegmentKind.KERNEL_WORK, "balloon −" + e.gfns().size(),
                    "the balloon driver took back " + e.gfns().size() + " pages: " + e.reason());
            return null;
        }

        @Override
        public Void visitPageScan(PageScan e) {
            hypervisorWork("sharing scan", "sharing scan ×%d", "gPA " + HexAddress.compact(e.gpa()) + ": " + e.outcome());
            return null;
        }

        @Override
        public Void visitPageMerge(PageMerge e) {
            hypervisorWork("merge", "merge ×%d", "gPA " + HexAddress.compact(e.gpa()) + " now shares frame " + e.frame());
            return null;
        }

        @Override
        public Void visitCowBreak(CowBreak e) {
            hypervisorWork("copy on write", "copy on write ×%d", "gPA " + HexAddress.compact(e.gpa()) + " gets frame " + e.newFrame());
            return null;
        }

        @Override
        public Void visitMemslotLookup(MemslotLookup e) {
            hypervisorWork("memslot", "memslot ×%d", e.found()
                    ? "gPA " + HexAddress.compact(e.gpa()) + " is hVA " + HexAddress.compact(e.hva()) + " (memslot " + e.slot() + ")"
                    : "no memslot for gPA " + HexAddress.compact(e.gpa()) + ": MMIO");
            return null;
        }

        @Override
        public Void visitHostTableRead(HostTableRead e) {
            merge(Lane.HOST_KERNEL, SegmentKind.HOST_KERNEL_WORK, "host PT walk", "host PT walk ×%d",
                    "level " + e.level() + " of process " + e.pid() + "'s page table" + (e.present() ? "" : ": not present"));
            return null;
        }

        @Override
        public Void visitHostPageFault(HostPageFault e) {
            add(Lane.HOST_KERNEL, SegmentKind.HOST_KERNEL_WORK, "host #PF", "process " + e.pid() + " faulted at hVA "
                    + HexAddress.compact(e.hva()) + ": " + (e.kind() == HostFaultKind.SWAP_IN ? "swap-in" : "zeroed frame")
                    + " " + e.frame());
            return null;
        }

        @Override
        public Void visitMmuNotifierInvalidate(MmuNotifierInvalidate e) {
            merge(Lane.HOST_KERNEL, SegmentKind.HOST_KERNEL_WORK, "MMU notifier", "MMU notifier ×%d",
                    e.reason() + ": gPA " + HexAddress.compact(e.gpa()) + (e.zapped() ? ", EPT entry zapped" : ""));
            return null;
        }

        /** True when the last segment resumed the guest after emulating one of its stores. */
        private boolean trappedStore() {
            if (segments.isEmpty()) {
                return false;
            }
            LaneSegment last = segments.get(segments.size() - 1);
            return last.kind() == SegmentKind.VM_ENTRY && last.detail().startsWith("emulated the store") && lastExit() >= 0;
        }

        private int lastExit() {
            for (int i = segments.size() - 1; i >= 0; i--) {
                if (segments.get(i).kind() == SegmentKind.VM_EXIT) {
                    return i;
                }
            }
            return -1;
        }

        private void swap(Swapper who, String what, String detail) {
            if (who == Swapper.GUEST) {
                merge(Lane.GUEST_KERNEL, SegmentKind.KERNEL_WORK, "guest " + what, "guest " + what + " ×%d", detail);
            } else {
                hypervisorWork("host " + what, "host " + what + " ×%d", detail);
            }
        }

        private void hypervisorWork(String one, String many, String detail) {
            merge(Lane.HYPERVISOR, SegmentKind.HYPERVISOR_WORK, one, many, detail);
        }
    }
}
