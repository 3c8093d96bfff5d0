package org.memvirt.viewmodel.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.memvirt.engine.MachineSnapshot;
import org.memvirt.engine.VmImage;
import org.memvirt.viewmodel.StepFrame;

/**
 * Everything the memory map draws for one step: the host frames, each VM's guest-physical strip
 * and the host swap device.
 *
 * @param step   the step number
 * @param frames the host frames
 * @param strips one per VM that has a guest page array, VM 1 first
 * @param swap   the host swap device
 */
public record MemoryPicture(int step, FrameMap frames, List<GuestStrip> strips, SwapDevice swap) {
    public MemoryPicture {
        strips = List.copyOf(strips);
    }

    /** The picture of {@code frame}, with the swap device as it is after that step. */
    public static MemoryPicture of(StepFrame frame, SwapDevice swap) {
        MachineSnapshot s = frame.snapshot();
        int levels = s.config().hostLevels();
        Map<Integer, int[]> backings = new LinkedHashMap<>();
        List<VmImage> withPages = new ArrayList<>();
        for (VmImage vm : s.vms()) {
            int ramPages = (int) Math.min(Integer.MAX_VALUE, vm.ramBytes() >>> 12);
            backings.put(vm.id(), Backing.of(s.memory(), vm.p2mRoot(), levels, ramPages));
            if (vm.memory() != null && vm.memory().guestPages() != null) {
                withPages.add(vm);
            }
        }
        List<GuestStrip> strips = new ArrayList<>();
        for (VmImage vm : withPages) {
            strips.add(GuestStrip.of(vm.id(), vm.memory(), backings.get(vm.id()), s.memory(), swap));
        }
        return new MemoryPicture(frame.index(), FrameMap.of(s.memory(), backings), strips, swap);
    }

    /** The strip of one VM, or null. */
    public GuestStrip strip(int vm) {
        for (GuestStrip g : strips) {
            if (g.vm() == vm) {
                return g;
            }
        }
        return null;
    }
}
