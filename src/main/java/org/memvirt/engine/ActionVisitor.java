package org.memvirt.engine;

/**
 * One method per kind of {@link Action}.
 *
 * @param <R> what a visit returns
 */
public interface ActionVisitor<R> {
    R visitAccess(Action.Access a);

    R visitWriteGuestEntry(Action.WriteGuestEntry a);

    R visitMapPage(Action.MapPage a);

    R visitSwitchProcess(Action.SwitchProcess a);

    R visitInvlpg(Action.Invlpg a);

    R visitFlushTlb(Action.FlushTlb a);

    R visitWriteEptEntry(Action.WriteEptEntry a);

    R visitTouchPages(Action.TouchPages a);

    R visitSetBalloonTarget(Action.SetBalloonTarget a);

    R visitHostSwapOut(Action.HostSwapOut a);

    R visitGuestSwapOut(Action.GuestSwapOut a);

    R visitScanForSharing(Action.ScanForSharing a);

    R visitSampleActivity(Action.SampleActivity a);

    R visitHostPressure(Action.HostPressure a);

    R visitHostRelease(Action.HostRelease a);
}
