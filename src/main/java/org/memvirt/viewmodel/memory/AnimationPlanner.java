package org.memvirt.viewmodel.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.memvirt.engine.event.BalloonDeflate;
import org.memvirt.engine.event.BalloonInflate;
import org.memvirt.engine.event.CowBreak;
import org.memvirt.engine.event.EptFill;
import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.FrameAlloc;
import org.memvirt.engine.event.FrameFree;
import org.memvirt.engine.event.PageMerge;
import org.memvirt.engine.event.SwapIn;
import org.memvirt.engine.event.SwapOut;
import org.memvirt.engine.event.Swapper;
import org.memvirt.engine.memory.FrameUse;
import org.memvirt.viewmodel.HexAddress;
import org.memvirt.viewmodel.memory.MemoryAnimation.Backed;
import org.memvirt.viewmodel.memory.MemoryAnimation.BalloonDeflation;
import org.memvirt.viewmodel.memory.MemoryAnimation.BalloonInflation;
import org.memvirt.viewmodel.memory.MemoryAnimation.CowSplit;
import org.memvirt.viewmodel.memory.MemoryAnimation.GuestSwapIn;
import org.memvirt.viewmodel.memory.MemoryAnimation.GuestSwapOut;
import org.memvirt.viewmodel.memory.MemoryAnimation.HostGiveBack;
import org.memvirt.viewmodel.memory.MemoryAnimation.HostSwapIn;
import org.memvirt.viewmodel.memory.MemoryAnimation.HostSwapOut;
import org.memvirt.viewmodel.memory.MemoryAnimation.HostTake;
import org.memvirt.viewmodel.memory.MemoryAnimation.Merge;

/**
 * Turns a step's reclamation events into movements and groups them into phases, one per kind,
 * in the order each kind first happened. Frames the events do not name (the host's own frames
 * under pressure, which the engine reports as one allocation) come from comparing the pictures.
 */
final class AnimationPlanner {
    private AnimationPlanner() {
    }

    /** The phases that take {@code before} to {@code after} through {@code events}. */
    static List<AnimationPhase> phases(List<Event> events, MemoryPicture before, MemoryPicture after) {
        Map<Class<?>, List<MemoryAnimation>> byKind = new LinkedHashMap<>();
        List<FrameFree> unclaimed = new ArrayList<>();
        List<Integer> givenBack = new ArrayList<>();
        boolean tookFrames = false;
        for (Event e : events) {
            MemoryAnimation item = null;
            if (e instanceof FrameFree f) {
                if (FrameUse.HOST.name().equals(f.use())) {
                    givenBack.add(f.pfn());
                } else {
                    unclaimed.add(f);
                }
            } else if (e instanceof FrameAlloc a && FrameUse.HOST.name().equals(a.use()) && !tookFrames) {
                tookFrames = true;
                item = new HostTake(framesTakenByHost(before, after));
            } else if (e instanceof EptFill f) {
                item = new Backed(f.vm(), gfn(f.gpa()), (int) (f.hpa() >>> 12));
            } else if (e instanceof BalloonInflate b) {
                List<Integer> freed = new ArrayList<>();
                int from = Math.max(0, unclaimed.size() - b.framesFreed());
                for (FrameFree f : unclaimed.subList(from, unclaimed.size())) {
                    freed.add(f.pfn());
                }
                item = new BalloonInflation(b.vm(), gfns(b.gfns()), freed, b.balloonSize() - b.gfns().size(),
                        b.balloonSize(), b.target());
            } else if (e instanceof BalloonDeflate d) {
                item = new BalloonDeflation(d.vm(), gfns(d.gfns()), d.balloonSize() + d.gfns().size(),
                        d.balloonSize(), d.reason());
            } else if (e instanceof PageMerge m) {
                item = new Merge(m.vm(), gfn(m.gpa()), m.frame(), m.freedFrame(), m.refs());
            } else if (e instanceof CowBreak c) {
                item = new CowSplit(c.vm(), gfn(c.gpa()), c.sharedFrame(), c.newFrame(), c.refsLeft());
            } else if (e instanceof SwapOut s) {
                item = s.swapper() == Swapper.HOST ? new HostSwapOut(s.vm(), gfn(s.gpa()), s.frame(), s.slot())
                        : new GuestSwapOut(s.vm(), gfn(s.gpa()), s.gva());
            } else if (e instanceof SwapIn s) {
                item = s.swapper() == Swapper.HOST ? new HostSwapIn(s.vm(), gfn(s.gpa()), s.frame(), s.slot())
                        : new GuestSwapIn(s.vm(), gfn(s.gpa()), s.gva());
            }
            if (item != null) {
                if (!(item instanceof HostTake t && t.frames().isEmpty())) {
                    byKind.computeIfAbsent(item.getClass(), k -> new ArrayList<>()).add(item);
                }
                if (!(e instanceof FrameAlloc)) {
                    unclaimed.clear();
                }
            }
        }
        if (!givenBack.isEmpty()) {
            byKind.computeIfAbsent(HostGiveBack.class, k -> new ArrayList<>()).add(new HostGiveBack(givenBack));
        }
        List<AnimationPhase> phases = new ArrayList<>();
        for (List<MemoryAnimation> items : byKind.values()) {
            phases.add(new AnimationPhase(caption(items), items));
        }
        return phases;
    }

    private static List<Integer> framesTakenByHost(MemoryPicture before, MemoryPicture after) {
        List<Integer> taken = new ArrayList<>();
        int host = Looks.frame(FrameCategory.HOST, 0);
        if (before == null || before.frames().frameCount() != after.frames().frameCount()) {
            return taken;
        }
        for (int pfn = 0; pfn < after.frames().frameCount(); pfn++) {
            if (after.frames().look(pfn) == host && before.frames().look(pfn) != host) {
                taken.add(pfn);
            }
        }
        return taken;
    }

    private static int gfn(long gpa) {
        return (int) (gpa >>> 12);
    }

    private static List<Integer> gfns(List<Long> gfns) {
        return gfns.stream().map(Long::intValue).toList();
    }

    /** One sentence about a phase. */
    static String caption(List<MemoryAnimation> items) {
        MemoryAnimation first = items.get(0);
        if (first instanceof Backed) {
            return "First touch: " + Numbers.of(items.size(), "guest page", "guest pages") + pagesOf(items)
                    + " backed by new host frames (an EPT violation each).";
        }
        if (first instanceof BalloonInflation) {
            Map<Integer, long[]> perVm = new TreeMap<>();
            for (MemoryAnimation m : items) {
                BalloonInflation b = (BalloonInflation) m;
                long[] sums = perVm.computeIfAbsent(b.vm(), k -> new long[2]);
                sums[0] += b.gfns().size();
                sums[1] += b.freedFrames().size();
            }
            List<String> parts = new ArrayList<>();
            perVm.forEach((vm, s) -> parts.add("VM " + vm + " handed " + Numbers.of(s[0], "page", "pages")
                    + " to the host, which freed " + Numbers.of(s[1], "frame", "frames")));
            return "Balloon inflates: " + String.join("; ", parts) + ".";
        }
        if (first instanceof BalloonDeflation d) {
            long pages = items.stream().mapToLong(m -> ((BalloonDeflation) m).gfns().size()).sum();
            return "Balloon deflates: VM " + d.vm() + " takes back " + Numbers.of(pages, "page", "pages") + " ("
                    + d.reason() + ").";
        }
        if (first instanceof Merge) {
            Set<Integer> shared = new LinkedHashSet<>();
            long freed = 0;
            for (MemoryAnimation m : items) {
                Merge g = (Merge) m;
                shared.add(g.sharedFrame());
                freed += g.freedFrame() >= 0 ? 1 : 0;
            }
            return "Sharing: " + Numbers.of(items.size(), "page", "pages") + " now map "
                    + Numbers.of(shared.size(), "shared frame", "shared frames") + " read-only; "
                    + Numbers.of(freed, "frame", "frames") + " freed.";
        }
        if (first instanceof CowSplit c) {
            if (items.size() == 1) {
                return "Copy-on-write: VM " + c.vm() + " wrote to shared page gPA "
                        + HexAddress.compact((long) c.gfn() << 12) + "; it gets its own copy in frame "
                        + Numbers.count(c.newFrame()) + ", the shared frame keeps "
                        + Numbers.of(c.refsLeft(), "reference", "references") + ".";
            }
            return "Copy-on-write: " + Numbers.count(items.size())
                    + " writes to shared pages; each writer gets its own copy.";
        }
        if (first instanceof HostSwapOut) {
            return "Host swapping: " + Numbers.of(items.size(), "page", "pages") + pagesOf(items)
                    + " written to the host swap device and their frames freed; the guest is not told.";
        }
        if (first instanceof HostSwapIn) {
            return "Host swap-in: " + Numbers.of(items.size(), "page", "pages") + pagesOf(items)
                    + " read back from the swap device into new frames.";
        }
        if (first instanceof GuestSwapOut g) {
            return "Guest swapping: VM " + g.vm() + "'s kernel wrote " + Numbers.of(items.size(), "page", "pages")
                    + " to its own swap; the host still holds their frames.";
        }
        if (first instanceof GuestSwapIn g) {
            return "VM " + g.vm() + "'s kernel read " + Numbers.of(items.size(), "page", "pages")
                    + " back from its own swap.";
        }
        if (first instanceof HostTake t) {
            return "Memory pressure: the host took " + Numbers.of(t.frames().size(), "frame", "frames")
                    + " for its own use.";
        }
        if (first instanceof HostGiveBack g) {
            return "The host gave " + Numbers.of(g.frames().size(), "frame", "frames") + " back.";
        }
        throw new IllegalStateException("no caption for " + first);
    }

    private static String pagesOf(List<MemoryAnimation> items) {
        Set<Integer> vms = new java.util.TreeSet<>();
        items.forEach(m -> vms.add(m.vm()));
        return " of VM " + String.join(", ", vms.stream().map(String::valueOf).toList());
    }
}
