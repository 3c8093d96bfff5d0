package org.memvirt.viewmodel.shell;

import java.util.Locale;

import org.memvirt.engine.event.BalloonDeflate;
import org.memvirt.engine.event.BalloonInflate;
import org.memvirt.engine.event.CowBreak;
import org.memvirt.engine.event.EptFill;
import org.memvirt.engine.event.EventVisitor;
import org.memvirt.engine.event.ExitReason;
import org.memvirt.engine.event.FrameAlloc;
import org.memvirt.engine.event.FrameFree;
import org.memvirt.engine.event.GuestPageFault;
import org.memvirt.engine.event.GuestWrite;
import org.memvirt.engine.event.HostPageFault;
import org.memvirt.engine.event.HostTableRead;
import org.memvirt.engine.event.MemslotLookup;
import org.memvirt.engine.event.MmuNotifierInvalidate;
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
import org.memvirt.engine.event.WriteTarget;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.viewmodel.EventText;
import org.memvirt.viewmodel.HexAddress;

/**
 * The lesson window's event log: every event named in words. The walk screen's {@link EventText}
 * words most of them; the memory-side events it prints as records get sentences here. One name per
 * thing: the hypervisor's gPA → hPA table is "the EPT" on a nested (KVM-style) machine and "the
 * P2M" (VMware's name for its own map) on a shadow-paging one, as the Tables view calls them.
 */
final class EventWords implements EventVisitor<String> {
    private final EventText text = new EventText();
    private final String hostMap;

    /** Words for a machine whose gPA → hPA table is called {@code hostMap} ("EPT" or "P2M"). */
    EventWords(String hostMap) {
        this.hostMap = hostMap;
    }

    /** Words for a machine of {@code mode}. */
    static EventWords of(PagingMode mode) {
        return new EventWords(mode == PagingMode.SHADOW ? "P2M" : "EPT");
    }

    @Override
    public String visitTlbLookup(TlbLookup e) {
        return text.visitTlbLookup(e);
    }

    @Override
    public String visitWalkStep(WalkStep e) {
        return text.visitWalkStep(e);
    }

    @Override
    public String visitTranslated(Translated e) {
        return text.visitTranslated(e);
    }

    @Override
    public String visitGuestPageFault(GuestPageFault e) {
        return text.visitGuestPageFault(e) + switch (e.visibility()) {
            case DELIVERED -> " (the guest kernel handles it)";
            case HIDDEN -> " (hidden: only the hypervisor saw it)";
        };
    }

    @Override
    public String visitVmExit(VmExit e) {
        String words = text.visitVmExit(e);
        return e.reason() == ExitReason.EXCEPTION_NMI
                ? words + " (exit reason 0 is \"exception or NMI\": the guest raised an exception the hypervisor"
                + " asked to intercept, here a page fault)"
                : words;
    }

    @Override
    public String visitVmEntry(VmEntry e) {
        return text.visitVmEntry(e);
    }

    @Override
    public String visitEptFill(EptFill e) {
        return hostMap + " fill: VM " + e.vm() + "'s gPA " + HexAddress.compact(e.gpa()) + " now backed by hPA "
                + HexAddress.compact(e.hpa()) + " (" + e.pageSize() + " page)";
    }

    @Override
    public String visitFrameAlloc(FrameAlloc e) {
        String owner = e.vm() > 0 ? " for VM " + e.vm() : "";
        return "Host frame " + e.pfn() + (e.frames() > 1 ? " and " + (e.frames() - 1) + " more" : "")
                + " allocated" + owner + " as " + words(e.use());
    }

    @Override
    public String visitFrameFree(FrameFree e) {
        String owner = e.vm() > 0 ? " of VM " + e.vm() : "";
        return "Host frame " + e.pfn() + owner + " freed (was " + words(e.use()) + ")";
    }

    @Override
    public String visitGuestWrite(GuestWrite e) {
        String what = e.target() == WriteTarget.PAGE_TABLE ? "a page-table entry" : "data";
        return "Guest store of " + HexAddress.compact(e.value()) + " to " + what + " at "
                + HexAddress.compact(e.address()) + (e.gva() != e.address() && e.gva() != -1
                ? " (gVA " + HexAddress.compact(e.gva()) + ")" : "");
    }

    @Override
    public String visitShadowSync(ShadowSync e) {
        return text.visitShadowSync(e);
    }

    @Override
    public String visitSwapOut(SwapOut e) {
        return text.visitSwapOut(e);
    }

    @Override
    public String visitSwapIn(SwapIn e) {
        return text.visitSwapIn(e);
    }

    @Override
    public String visitBalloonInflate(BalloonInflate e) {
        return text.visitBalloonInflate(e);
    }

    @Override
    public String visitBalloonDeflate(BalloonDeflate e) {
        return text.visitBalloonDeflate(e);
    }

    @Override
    public String visitPageScan(PageScan e) {
        return text.visitPageScan(e);
    }

    @Override
    public String visitPageMerge(PageMerge e) {
        return text.visitPageMerge(e);
    }

    @Override
    public String visitCowBreak(CowBreak e) {
        return text.visitCowBreak(e);
    }

    @Override
    public String visitMemslotLookup(MemslotLookup e) {
        return e.found()
                ? "Memslot lookup: VM " + e.vm() + "'s gPA " + HexAddress.compact(e.gpa()) + " is in memslot " + e.slot()
                        + ", so it is hVA " + HexAddress.compact(e.hva()) + " of the hypervisor process"
                : "Memslot lookup: no memslot covers VM " + e.vm() + "'s gPA " + HexAddress.compact(e.gpa())
                        + ", so it is MMIO";
    }

    @Override
    public String visitHostTableRead(HostTableRead e) {
        return "Host kernel walk (software): level " + e.level() + " entry " + e.index() + " of process " + e.pid()
                + "'s page table for hVA " + HexAddress.compact(e.hva()) + " — "
                + (e.present() ? "present" : e.entry() == 0 ? "empty" : "not present (a swap entry)");
    }

    @Override
    public String visitHostPageFault(HostPageFault e) {
        return "Host page fault in process " + e.pid() + " at hVA " + HexAddress.compact(e.hva()) + ": the host kernel "
                + switch (e.kind()) {
                    case ZERO_FILL -> "gave it a zeroed frame, " + e.frame();
                    case SWAP_IN -> "read it back from swap into frame " + e.frame();
                };
    }

    @Override
    public String visitMmuNotifierInvalidate(MmuNotifierInvalidate e) {
        String why = switch (e.reason()) {
            case SWAP_OUT -> "is swapping out";
            case KSM_MERGE -> "is merging (KSM)";
            case DISCARD -> "is discarding";
            case MIGRATE -> "is migrating";
        };
        return "MMU notifier: the host kernel " + why + " hVA " + HexAddress.compact(e.hva()) + "; KVM "
                + (e.zapped() ? "zapped" : "had no") + " EPT entry for VM " + e.vm() + "'s gPA "
                + HexAddress.compact(e.gpa());
    }

    private static String words(String use) {
        return use.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
