package org.memvirt.engine;

/** Which VM an action concerns. */
final class VmOfAction implements ActionVisitor<Integer> {
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
}
