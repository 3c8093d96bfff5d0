package org.memvirt.viewmodel.shell;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.Action;
import org.memvirt.engine.MachineSnapshot;
import org.memvirt.engine.VmImage;
import org.memvirt.engine.mmu.TranslationCache;
import org.memvirt.lesson.LessonStep;
import org.memvirt.lesson.StepAction;
import org.memvirt.viewmodel.HexAddress;
import org.memvirt.viewmodel.lanes.Lane;
import org.memvirt.viewmodel.lanes.LaneSegment;
import org.memvirt.viewmodel.lanes.SegmentKind;

/**
 * What a step did that left no event behind: a CR3 write under EPT does not exit, a TLB flush
 * and an activity sample are silent, yet the narration talks about them. Worked out from the
 * machine before and after the step (CR3 of each VM, the entries of the TLB and the walk caches)
 * and from the step's action, so the Walk tab and the lanes can say what ran instead of "nothing".
 */
public final class QuietWork {
    private final List<String> lines;
    private final List<LaneSegment> segments;

    private QuietWork(List<String> lines, List<LaneSegment> segments) {
        this.lines = List.copyOf(lines);
        this.segments = List.copyOf(segments);
    }

    /** Nothing ran. */
    public static final QuietWork NONE = new QuietWork(List.of(), List.of());

    /**
     * The work of {@code step} between {@code before} and {@code after}.
     *
     * @param step   the step that acted (null: none has yet)
     * @param before the machine before it
     * @param after  the machine after it
     * @param events whether the step left events (then only a CR3 change or a flush is worth adding)
     */
    public static QuietWork of(LessonStep step, MachineSnapshot before, MachineSnapshot after, boolean events) {
        if (step == null || !step.acts() || before == null || after == null) {
            return NONE;
        }
        List<String> lines = new ArrayList<>();
        List<LaneSegment> segments = new ArrayList<>();
        Lane lane = laneOf(step.perform());
        for (VmImage vm : after.vms()) {
            VmImage was = before.vms().stream().filter(v -> v.id() == vm.id()).findFirst().orElse(null);
            if (was != null && was.cr3() != vm.cr3()) {
                String words = "CR3 written" + (after.vms().size() > 1 ? " in VM " + vm.id() : "") + ": process "
                        + was.currentPid() + " → process " + vm.currentPid() + " (CR3 " + HexAddress.compact(was.cr3())
                        + " → " + HexAddress.compact(vm.cr3()) + ")";
                lines.add(words + ".");
                segments.add(new LaneSegment(Lane.GUEST_KERNEL, SegmentKind.KERNEL_WORK, "CR3 write", words, 1));
            }
        }
        flushed("TLB", before.caches().tlb(), after.caches().tlb(), lines, segments);
        flushed("page-walk cache", before.caches().walkCache(), after.caches().walkCache(), lines, segments);
        flushed("nested TLB", before.caches().nestedTlb(), after.caches().nestedTlb(), lines, segments);
        if (segments.isEmpty() && !events) {
            String what = step.action().isEmpty() ? step.title() : step.action();
            lines.add("This step " + what + "; it translated no address and left no event.");
            segments.add(new LaneSegment(lane, lane == Lane.HYPERVISOR ? SegmentKind.HYPERVISOR_WORK
                    : lane == Lane.GUEST_KERNEL ? SegmentKind.KERNEL_WORK : SegmentKind.ACCESS, what, what, 1));
        }
        return new QuietWork(lines, segments);
    }

    private static void flushed(String name, TranslationCache.Image before, TranslationCache.Image after,
                                List<String> lines, List<LaneSegment> segments) {
        if (before == null || after == null) {
            return;
        }
        int was = before.entries().size();
        int now = after.entries().size();
        if (now < was) {
            String words = name + " flushed: " + was + (was == 1 ? " entry" : " entries") + " → " + now;
            lines.add(words + ".");
            segments.add(new LaneSegment(Lane.GUEST_KERNEL, SegmentKind.HARDWARE_WALK, name + " flush", words, 1));
        }
    }

    /** Who performs an action: the guest's code, its kernel, or the hypervisor. */
    private static Lane laneOf(StepAction action) {
        if (action instanceof StepAction.EditEptEntry) {
            return Lane.HYPERVISOR;
        }
        if (!(action instanceof StepAction.Perform p)) {
            return Lane.GUEST_KERNEL;
        }
        Action a = p.action();
        if (a instanceof Action.Access || a instanceof Action.TouchPages) {
            return Lane.GUEST_APP;
        }
        boolean host = a instanceof Action.SetBalloonTarget || a instanceof Action.WriteEptEntry
                || a instanceof Action.HostSwapOut || a instanceof Action.ScanForSharing
                || a instanceof Action.SampleActivity || a instanceof Action.HostPressure
                || a instanceof Action.HostRelease;
        return host ? Lane.HYPERVISOR : Lane.GUEST_KERNEL;
    }

    /** The note lines for the Walk tab: "CR3 written: …", "TLB flushed: 12 entries → 0". */
    public List<String> lines() {
        return lines;
    }

    /** The lanes' segments for the same work. */
    public List<LaneSegment> segments() {
        return segments;
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
