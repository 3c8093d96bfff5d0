package org.memvirt.engine;

/** Which VM an action concerns. */
final class VmOfAction implements ActionVisitor<Integer> {
    /** The answer for actions of the host as a whole. */
    static final int HOST = -1;

    @Override
    public Integer visitAccess(Action.Access a) {
        return a.vm();
    }

    @Override
    public Integer visitWriteGuestEntry(Action.WriteGuestEntry a) {
        return a.vm();
    }

    @Override
    public Integer visitMapPage(Action.MapPage a) {
        return a.vm();
    }

    @Override
    public Integer visitSwitchProcess(Action.SwitchProcess a) {
        return a.vm();
    }

    @Override
    public Integer visitInvlpg(Action.Invlpg a) {
        return a.vm();
    }

    @Override
    public Integer visitFlushTlb(Action.FlushTlb a) {
        return a.vm();
    }

    @Override
    public Integer visitWriteEptEntry(Action.WriteEptEntry a) {
        return a.vm();
    }

    @Override
    public Integer visitTouchPages(Action.TouchPages a) {
        return a.vm();
    }

    @Override
    public Integer visitSetBalloonTarget(Action.SetBalloonTarget a) {
        return a.vm();
    }

    @Override
    public Integer visitHostSwapOut(Action.HostSwapOut a) {
        return a.vm();
    }

    @Override
    public Integer visitGuestSwapOut(Action.GuestSwapOut a) {
        return a.vm();
    }

    @Override
    public Integer visitScanForSharing(Action.ScanForSharing a) {
        return HOST;
    }

    @Override
    public Integer visitSampleActivity(Action.SampleActivity a) {
        return HOST;
    }

    @Override
    public Integer visitHostPressure(Action.HostPressure a) {
        return HOST;
    }

    @Override
    public Integer visitHostRelease(Action.HostRelease a) {
        return HOST;
    }
}
