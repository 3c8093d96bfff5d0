package org.memvirt.viewmodel.memory;

import java.util.ArrayList;
import java.util.List;

/** The legend entries of a picture, with counts: host frames first, then guest pages. */
final class MemoryLegend {
    private MemoryLegend() {
    }

    static List<LegendEntry> frames(MemoryPicture p) {
        FrameMap map = p.frames();
        List<LegendEntry> entries = new ArrayList<>();
        entries.add(new LegendEntry(Looks.frame(FrameCategory.FREE, 0), FrameCategory.FREE.label(),
                map.count(FrameCategory.FREE), "frames"));
        List<Integer> vms = new ArrayList<>();
        p.strips().forEach(s -> vms.add(s.vm()));
        if (vms.isEmpty()) {
            for (int vm = 0; vm <= Looks.MAX_VM_SHADE; vm++) {
                if (map.count(Looks.frame(FrameCategory.DATA, vm)) > 0) {
                    vms.add(vm);
                }
            }
        }
        for (int vm : vms) {
            entries.add(new LegendEntry(Looks.frame(FrameCategory.DATA, vm), "VM " + vm + " data", map.dataFrames(vm),
                    "frames"));
        }
        for (FrameCategory c : List.of(FrameCategory.SHARED, FrameCategory.GUEST_TABLE, FrameCategory.EPT_TABLE,
                FrameCategory.SHADOW_TABLE, FrameCategory.HOST_TABLE, FrameCategory.HOST)) {
            int n = map.count(c);
            boolean always = c == FrameCategory.SHARED || c == FrameCategory.GUEST_TABLE
                    || c == FrameCategory.EPT_TABLE;
            if (always || n > 0) {
                entries.add(new LegendEntry(Looks.frame(c, 0), c.label(), n, "frames"));
            }
        }
        return entries;
    }

    static List<LegendEntry> guestPages(MemoryPicture p) {
        List<LegendEntry> entries = new ArrayList<>();
        if (p.strips().isEmpty()) {
            return entries;
        }
        int shadeOf = p.strips().get(0).vm();
        for (GuestPageState s : GuestPageState.values()) {
            long n = p.strips().stream().mapToLong(g -> g.count(s)).sum();
            if (s == GuestPageState.TABLE) {
                // drawn as the host's guest-table frames are, and listed with them
                continue;
            }
            boolean always = s != GuestPageState.FIRMWARE && s != GuestPageState.FREE_BACKED
                    && s != GuestPageState.NOT_BACKED && s != GuestPageState.HOST_SWAPPED;
            if (always || n > 0) {
                entries.add(new LegendEntry(Looks.guest(s, shadeOf), s.label(), n, "pages"));
            }
        }
        return entries;
    }
}
