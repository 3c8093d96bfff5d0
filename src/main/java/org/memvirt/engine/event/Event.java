package org.memvirt.engine.event;

/**
 * One thing that happened in the machine, as a value. Every step of the engine returns the
 * ordered list of events it caused; the views animate them, the command line prints them as
 * JSON Lines (with {@code type} = the record's simple name), and nothing in the engine listens.
 */
public sealed interface Event permits TlbLookup, WalkStep, Translated, GuestPageFault, VmExit, VmEntry,
        EptFill, FrameAlloc, FrameFree, GuestWrite, ShadowSync, SwapOut, SwapIn, BalloonInflate, BalloonDeflate,
        PageScan, PageMerge, CowBreak, MemslotLookup, HostTableRead, HostPageFault,
        MmuNotifierInvalidate {

    /** Double dispatch: the compiler checks that a visitor handles every kind of event. */
    <R> R accept(EventVisitor<R> visitor);

    /** The JSON {@code type}: the record's simple name. */
    default String type() {
        return getClass().getSimpleName();
    }
}
