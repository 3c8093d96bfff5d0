package org.memvirt.viewmodel.memory;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.guest.GuestPage;
import org.memvirt.engine.memory.Frame;
import org.memvirt.viewmodel.HexAddress;

/** The info line for whatever the pointer is over: a frame, a guest page or a swap slot. */
final class HoverText {
    private static final int NAMED_MAPPERS = 3;

    private HoverText() {
    }

    static String frame(MemoryPicture p, int pfn) {
        FrameMap map = p.frames();
        Frame f = map.frame(pfn);
        StringBuilder sb = new StringBuilder("Frame ").append(Numbers.count(pfn)).append(" (hPA ")
                .append(HexAddress.compact((long) pfn << 12)).append(") · ");
        List<GuestRef> mappers = map.mappers(pfn);
        switch (FrameCategory.of(f.use())) {
            case FREE -> sb.append("free");
            case DATA -> sb.append("VM ").append(f.vm()).append(" data, 1 reference");
            case GUEST_TABLE -> sb.append("VM ").append(f.vm()).append(" guest page table");
            case EPT_TABLE -> sb.append("EPT table page (the hypervisor's)");
            case SHADOW_TABLE -> sb.append("shadow table page of VM ").append(f.vm()).append(" (the hypervisor's)");
            case SHARED -> sb.append("shared read-only, ").append(Numbers.of(f.refs(), "reference", "references"));
            case HOST_TABLE -> sb.append("host page table of VM ").append(f.vm())
                    .append("'s hypervisor process (qemu-system-x86_64, pid ").append(org.memvirt.engine.host.HostKernel.FIRST_PID + f.vm()).append(")");
            case HOST -> sb.append("taken by the host for its own use");
        }
        if (!mappers.isEmpty()) {
            sb.append(" · mapped by ");
            List<String> names = new ArrayList<>();
            for (GuestRef g : mappers.subList(0, Math.min(NAMED_MAPPERS, mappers.size()))) {
                names.add(guestName(p, g));
            }
            sb.append(String.join(", ", names));
            if (mappers.size() > NAMED_MAPPERS) {
                sb.append(" and ").append(Numbers.count(mappers.size() - NAMED_MAPPERS)).append(" more");
            }
        } else if (f.use() == org.memvirt.engine.memory.FrameUse.DATA) {
            sb.append(" · no guest page maps it right now (an activity sample, or being reclaimed)");
        }
        return sb.toString();
    }

    static String guestPage(MemoryPicture p, GuestStrip strip, int gfn) {
        StringBuilder sb = new StringBuilder("VM ").append(strip.vm()).append(" gPA ")
                .append(HexAddress.compact((long) gfn << 12)).append(" (guest page ").append(Numbers.count(gfn))
                .append(") · ");
        GuestPage page = strip.page(gfn);
        int pfn = strip.frameOf(gfn);
        switch (strip.state(gfn)) {
            case FIRMWARE -> sb.append("first MiB, left to firmware");
            case FREE -> sb.append("free in the guest, no frame behind it");
            case FREE_BACKED -> sb.append("free in the guest, but frame ").append(Numbers.count(pfn))
                    .append(" still holds its old contents: only a balloon would tell the host");
            case TABLE -> sb.append("guest page table · in frame ").append(Numbers.count(pfn));
            case DATA -> sb.append(owner(page)).append(" · in its own frame ").append(Numbers.count(pfn));
            case SHARED -> sb.append(owner(page)).append(" · in shared frame ").append(Numbers.count(pfn)).append(", ")
                    .append(Numbers.of(p.frames().frame(pfn).refs(), "reference", "references"))
                    .append(" (a write copies it)");
            case BALLOON -> sb.append("in the balloon: pinned by the guest's driver, the host took its frame");
            case HOST_SWAPPED -> sb.append(owner(page)).append(" · swapped out by the host to slot ")
                    .append(Numbers.count(p.swap().slotOf(strip.vm(), gfn)))
                    .append(" (the guest does not know)");
            case NOT_BACKED -> sb.append(owner(page))
                    .append(" · no frame behind it now: the next touch faults into the hypervisor");
        }
        return sb.toString();
    }

    static String swapSlot(MemoryPicture p, int slot) {
        GuestRef g = p.swap().slot(slot);
        if (g == null) {
            return "Host swap slot " + Numbers.count(slot) + " · empty (its page was read back or ballooned)";
        }
        return "Host swap slot " + Numbers.count(slot) + " · holds " + guestName(p, g);
    }

    private static String guestName(MemoryPicture p, GuestRef g) {
        String name = "VM " + g.vm() + " gPA " + HexAddress.compact(g.gpa());
        GuestStrip strip = p.strip(g.vm());
        GuestPage page = strip == null || g.gfn() >= strip.pageCount() ? null : strip.page(g.gfn());
        if (page != null && page.gva() >= 0) {
            name += " (pid " + page.pid() + " gVA " + HexAddress.compact(page.gva() + offsetInPage(page, g)) + ")";
        }
        return name;
    }

    private static long offsetInPage(GuestPage page, GuestRef g) {
        return page.size().frames() == 1 ? 0 : ((long) g.gfn() % page.size().frames()) << 12;
    }

    private static String owner(GuestPage page) {
        if (page == null) {
            return "allocated";
        }
        return switch (page.use()) {
            case DATA -> "data of pid " + page.pid() + " at gVA " + HexAddress.compact(page.gva());
            case TABLE -> "guest page table";
            case BALLOON -> "in the balloon";
        };
    }
}
