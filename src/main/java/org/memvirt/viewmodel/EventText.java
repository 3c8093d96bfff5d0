package org.memvirt.viewmodel;

import org.memvirt.engine.event.CacheKind;
import org.memvirt.engine.event.Dimension;
import org.memvirt.engine.event.EptFill;
import org.memvirt.engine.event.EventVisitor;
import org.memvirt.engine.event.FrameAlloc;
import org.memvirt.engine.event.FrameFree;
import org.memvirt.engine.event.GuestPageFault;
import org.memvirt.engine.event.GuestWrite;
import org.memvirt.engine.event.LookupOutcome;
import org.memvirt.engine.event.BalloonDeflate;
import org.memvirt.engine.event.BalloonInflate;
import org.memvirt.engine.event.CowBreak;
import org.memvirt.engine.event.MmuNotifierInvalidate;
import org.memvirt.engine.event.HostPageFault;
import org.memvirt.engine.event.HostTableRead;
import org.memvirt.engine.event.MemslotLookup;
import org.memvirt.engine.event.PageMerge;
import org.memvirt.engine.event.PageScan;
import org.memvirt.engine.event.ShadowSync;
import org.memvirt.engine.event.SwapIn;
import org.memvirt.engine.event.SwapOut;
import org.memvirt.engine.event.TlbLookup;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.event.VmEntry;
import org.memvirt.engine.event.VmExit;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.engine.paging.EptEntry;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.X86Entry;

/** One short line per event for the event log; events without a special form print as records. */
public final class EventText implements EventVisitor<String> {

    @Override
    public String visitTlbLookup(TlbLookup e) {
        String outcome = switch (e.outcome()) {
            case HIT -> "hit";
            case MISS -> "miss";
            case STALE_HIT -> "STALE hit";
        };
        if (e.cache() == CacheKind.WALK_CACHE && e.outcome() == LookupOutcome.HIT) {
            return "Walk cache hit: entries down to " + Levels.name(e.level()) + " supplied";
        }
        String cache = switch (e.cache()) {
            case TLB -> "TLB";
            case NESTED_TLB -> "Nested TLB";
            case WALK_CACHE -> "Walk cache";
        };
        return cache + " " + outcome + " for " + HexAddress.compact(e.address());
    }

    @Override
    public String visitWalkStep(WalkStep e) {
        String name = switch (e.dimension()) {
            case HOST -> Levels.eptName(e.level());
            case GUEST -> "Guest " + Levels.name(e.level());
            case NATIVE, SHADOW -> Levels.name(e.level());
        };
        String flags = e.dimension() == Dimension.HOST ? EptEntry.describe(e.entryValue(), e.level())
                : X86Entry.describe(e.entryValue(), e.level());
        return "#" + e.reference() + " " + name + "[" + e.index() + "] = " + HexAddress.compact(e.entryValue())
                + "  " + flags;
    }

    @Override
    public String visitTranslated(Translated e) {
        return "Translated → hPA " + HexAddress.compact(e.hpa()) + ": " + e.references() + " refs, "
                + e.pageSize() + " TLB entry";
    }

    @Override
    public String visitGuestPageFault(GuestPageFault e) {
        return "Page fault at " + HexAddress.compact(e.gva()) + ": " + e.reason();
    }

    @Override
    public String visitVmExit(VmExit e) {
        return "VM exit " + e.reason() + " (" + e.reason().code() + "): " + e.detail();
    }

    @Override
    public String visitVmEntry(VmEntry e) {
        return "VM entry: " + e.action();
    }

    @Override
    public String visitEptFill(EptFill e) {
        return e.toString();
    }

    @Override
    public String visitFrameAlloc(FrameAlloc e) {
        return e.toString();
    }

    @Override
    public String visitFrameFree(FrameFree e) {
        return e.toString();
    }

    @Override
    public String visitGuestWrite(GuestWrite e) {
        return e.toString();
    }

    @Override
    public String visitShadowSync(ShadowSync e) {
        return "Shadow " + e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + e.detail();
    }

    @Override
    public String visitSwapOut(SwapOut e) {
        return e.swapper() == org.memvirt.engine.event.Swapper.HOST
                ? "Host swapped out VM " + e.vm() + "'s page " + HexAddress.compact(e.gpa()) + " to slot " + e.slot()
                : "Guest swapped out " + HexAddress.compact(e.gva()) + " to its slot " + e.slot();
    }

    @Override
    public String visitSwapIn(SwapIn e) {
        return e.swapper() == org.memvirt.engine.event.Swapper.HOST
                ? "Host swapped VM " + e.vm() + "'s page " + HexAddress.compact(e.gpa()) + " back in"
                : "Guest swapped " + HexAddress.compact(e.gva()) + " back in";
    }

    @Override
    public String visitBalloonInflate(BalloonInflate e) {
        return "Balloon in VM " + e.vm() + " took " + e.gfns().size() + " pages (host freed " + e.framesFreed()
                + " frames); balloon " + e.balloonSize() + " of " + e.target();
    }

    @Override
    public String visitBalloonDeflate(BalloonDeflate e) {
        return "Balloon in VM " + e.vm() + " gave back " + e.gfns().size() + " pages (" + e.reason() + ")";
    }

    @Override
    public String visitPageScan(PageScan e) {
        return "Scanned VM " + e.vm() + " page " + HexAddress.compact(e.gpa()) + ": " + e.outcome();
    }

    @Override
    public String visitPageMerge(PageMerge e) {
        return "Merged VM " + e.vm() + " page " + HexAddress.compact(e.gpa()) + " into shared frame " + e.frame()
                + " (" + e.refs() + " sharers)";
    }

    @Override
    public String visitCowBreak(CowBreak e) {
        return "Copy-on-write: VM " + e.vm() + " wrote " + HexAddress.compact(e.gpa()) + ", copied to frame "
                + e.newFrame();
    }

    @Override
    public String visitMemslotLookup(MemslotLookup e) {
        return e.found() ? "Memslot " + e.slot() + ": GPA " + HexAddress.compact(e.gpa()) + " is HVA "
                + HexAddress.compact(e.hva()) : "No memslot covers GPA " + HexAddress.compact(e.gpa()) + ": MMIO";
    }

    @Override
    public String visitHostTableRead(HostTableRead e) {
        return "Host kernel read level " + e.level() + " of process " + e.pid() + "'s page table"
                + (e.present() ? "" : ": not present");
    }

    @Override
    public String visitHostPageFault(HostPageFault e) {
        return "Host page fault in process " + e.pid() + " (" + e.kind() + "): frame " + e.frame();
    }

    @Override
    public String visitMmuNotifierInvalidate(MmuNotifierInvalidate e) {
        return "MMU notifier (" + e.reason() + "): VM " + e.vm() + "'s EPT entry for "
                + HexAddress.compact(e.gpa()) + (e.zapped() ? " zapped" : " (none cached)");
    }
}
