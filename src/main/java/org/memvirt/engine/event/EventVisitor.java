package org.memvirt.engine.event;

/**
 * One method per event record. Implementations (the event log, the animator, the JSON writer)
 * must handle every kind: adding an event breaks their compilation until they do.
 *
 * @param <R> what a visit returns
 */
public interface EventVisitor<R> {
    R visitTlbLookup(TlbLookup e);

    R visitWalkStep(WalkStep e);

    R visitTranslated(Translated e);

    R visitGuestPageFault(GuestPageFault e);

    R visitVmExit(VmExit e);

    R visitVmEntry(VmEntry e);

    R visitEptFill(EptFill e);

    R visitFrameAlloc(FrameAlloc e);

    R visitFrameFree(FrameFree e);

    R visitGuestWrite(GuestWrite e);

    R visitShadowSync(ShadowSync e);

    R visitSwapOut(SwapOut e);

    R visitSwapIn(SwapIn e);

    R visitBalloonInflate(BalloonInflate e);

    R visitBalloonDeflate(BalloonDeflate e);

    R visitPageScan(PageScan e);

    R visitPageMerge(PageMerge e);

    R visitCowBreak(CowBreak e);

    R visitMemslotLookup(MemslotLookup e);

    R visitHostTableRead(HostTableRead e);

    R visitHostPageFault(HostPageFault e);

    R visitMmuNotifierInvalidate(MmuNotifierInvalidate e);
}
