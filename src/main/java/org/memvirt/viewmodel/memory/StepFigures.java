package org.memvirt.viewmodel.memory;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.MachineSnapshot;
import org.memvirt.engine.VmImage;
import org.memvirt.engine.event.CounterSnapshot;

/** The side panel's numbers of one step: the reclamation counters with their change, and a card per VM. */
final class StepFigures {
    private StepFigures() {
    }

    /** The counters at {@code c}, each with its change since {@code b} (null: unknown, no change shown). */
    static List<CounterRow> counters(CounterSnapshot c, CounterSnapshot b) {
        return List.of(
                row("hostFramesUsed", "Frames used", c.hostFramesUsed(), b == null ? 0 : b.hostFramesUsed(), b,
                        "host frames allocated to anyone"),
                row("hostFramesFree", "Frames free", c.hostFramesFree(), b == null ? 0 : b.hostFramesFree(), b,
                        "host frames nobody holds"),
                row("sharedFrames", "Shared frames", c.sharedFrames(), b == null ? 0 : b.sharedFrames(), b,
                        "frames mapped read-only by identical guest pages"),
                row("framesSaved", "Frames saved", c.framesSaved(), b == null ? 0 : b.framesSaved(), b,
                        "references to shared frames beyond the first: frames sharing saved"),
                row("balloonPages", "Balloon pages", c.balloonPages(), b == null ? 0 : b.balloonPages(), b,
                        "guest pages in all balloons"),
                row("swapOuts", "Host swap-outs", c.swapOuts(), b == null ? 0 : b.swapOuts(), b,
                        "pages the host wrote to its swap device, so far"),
                row("swapIns", "Host swap-ins", c.swapIns(), b == null ? 0 : b.swapIns(), b,
                        "pages the host read back, so far"),
                row("cowBreaks", "COW breaks", c.cowBreaks(), b == null ? 0 : b.cowBreaks(), b,
                        "writes to shared pages that made a private copy, so far"));
    }

    private static CounterRow row(String name, String label, long value, long before, CounterSnapshot b, String hint) {
        return new CounterRow(name, label, value, b == null ? 0 : value - before, hint);
    }

    /**
     * A card per VM with reclamation figures; the VM with the lowest ρ is marked, as the engine
     * picks it (the first of equals), when there is more than one VM to choose from.
     */
    static List<VmCard> cards(MachineSnapshot s) {
        List<VmImage> vms = s.vms().stream().filter(v -> v.memory() != null).toList();
        int lowest = -1;
        double best = Double.POSITIVE_INFINITY;
        for (VmImage v : vms) {
            double rho = v.memory().sharesPerPage();
            if (rho > 0 && rho < best) {
                best = rho;
                lowest = v.id();
            }
        }
        List<VmCard> cards = new ArrayList<>();
        for (VmImage v : vms) {
            cards.add(new VmCard(v.id(), v.memory(), vms.size() > 1 && v.id() == lowest));
        }
        return cards;
    }
}
