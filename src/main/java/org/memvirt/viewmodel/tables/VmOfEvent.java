package org.memvirt.viewmodel.tables;

import org.memvirt.engine.event.BalloonDeflate;
import org.memvirt.engine.event.BalloonInflate;
import org.memvirt.engine.event.CowBreak;
import org.memvirt.engine.event.MmuNotifierInvalidate;
import org.memvirt.engine.event.HostPageFault;
import org.memvirt.engine.event.HostTableRead;
import org.memvirt.engine.event.MemslotLookup;
import org.memvirt.engine.event.EptFill;
import org.memvirt.engine.event.EventVisitor;
import org.memvirt.engine.event.FrameAlloc;
import org.memvirt.engine.event.FrameFree;
import org.memvirt.engine.event.GuestPageFault;
import org.memvirt.engine.event.GuestWrite;
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

/** The VM an event concerns (0 = the native machine or the host itself). */
final class VmOfEvent implements EventVisitor<Integer> {
    static final VmOfEvent INSTANCE = new VmOfEvent();

    private VmOfEvent() {
    }

    @Override
    public Integer visitTlbLookup(TlbLookup e) {
        return e.vm();
    }

    @Override
    public Integer visitWalkStep(WalkStep e) {
        return e.vm();
    }

    @Override
    public Integer visitTranslated(Translated e) {
        return e.vm();
    }

    @Override
    public Integer visitGuestPageFault(GuestPageFault e) {
        return e.vm();
    }

    @Override
    public Integer visitVmExit(VmExit e) {
        return e.vm();
    }

    @Override
    public Integer visitVmEntry(VmEntry e) {
        return e.vm();
    }

    @Override
    public Integer visitEptFill(EptFill e) {
        return e.vm();
    }

    @Override
    public Integer visitFrameAlloc(FrameAlloc e) {
        return e.vm();
    }

    @Override
    public Integer visitFrameFree(FrameFree e) {
        return e.vm();
    }

    @Override
    public Integer visitGuestWrite(GuestWrite e) {
        return e.vm();
    }

    @Override
    public Integer visitShadowSync(ShadowSync e) {
        return e.vm();
    }

    @Override
    public Integer visitSwapOut(SwapOut e) {
        return e.vm();
    }

    @Override
    public Integer visitSwapIn(SwapIn e) {
        return e.vm();
    }

    @Override
    public Integer visitBalloonInflate(BalloonInflate e) {
        return e.vm();
    }

    @Override
    public Integer visitBalloonDeflate(BalloonDeflate e) {
        return e.vm();
    }

    @Override
    public Integer visitPageScan(PageScan e) {
        return e.vm();
    }

    @Override
    public Integer visitPageMerge(PageMerge e) {
        return e.vm();
    }

    @Override
    public Integer visitCowBreak(CowBreak e) {
        return e.vm();
    }

    @Override
    public Integer visitMemslotLookup(MemslotLookup e) {
        return e.vm();
    }

    @Override
    public Integer visitHostTableRead(HostTableRead e) {
        return e.vm();
    }

    @Override
    public Integer visitHostPageFault(HostPageFault e) {
        return e.vm();
    }

    @Override
    public Integer visitMmuNotifierInvalidate(MmuNotifierInvalidate e) {
        return e.vm();
    }
}
