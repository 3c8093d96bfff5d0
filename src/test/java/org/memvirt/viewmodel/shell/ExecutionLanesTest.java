package org.memvirt.viewmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.memvirt.viewmodel.lanes.Lane;
import org.memvirt.viewmodel.lanes.LaneSegment;
import org.memvirt.viewmodel.lanes.SegmentKind;
import org.memvirt.viewmodel.lanes.ExecutionLanesViewModel.LaneRun;

/** The lanes under the views follow the lesson's steps: who ran, in what order. */
class ExecutionLanesTest {

    private static ShellRig at(String lesson, int step) {
        ShellRig r = new ShellRig();
        r.vm.library().openPath(Path.of("lessons", lesson));
        r.stepTo(step);
        return r;
    }

    private static List<String> lanes(ShellRig r) {
        return r.vm.lanes().runProperty().get().segments().stream()
                .map(s -> s.lane() + ":" + s.label()).toList();
    }

    @Test
    void anEptViolationDropsToTheHypervisorWhichFillsAndResumesTheApp() {
        ShellRig r = at("06-guest-vs-hidden-faults.yaml", 4);
        assertEquals(List.of("GUEST_APP:MMU walk · 24 refs", "HYPERVISOR:exit: EPT_VIOLATION", "HYPERVISOR:memslot",
                "HOST_KERNEL:host PT walk ×4", "HOST_KERNEL:host #PF", "HYPERVISOR:EPT fill",
                "HYPERVISOR:VM entry", "GUEST_APP:MMU walk · 24 refs", "GUEST_APP:data"), lanes(r));
        assertFalse(r.vm.lanes().runProperty().get().nativeMode());
    }

    @Test
    void aDeliveredGuestFaultTrapsIntoTheGuestKernelWithoutAnExit() {
        ShellRig r = at("06-guest-vs-hidden-faults.yaml", 2);
        List<LaneSegment> s = r.vm.lanes().runProperty().get().segments();
        LaneSegment last = s.get(s.size() - 1);
        assertEquals(Lane.GUEST_KERNEL, last.lane());
        assertEquals(SegmentKind.GUEST_FAULT, last.kind());
        assertTrue(last.detail().contains("error code"), last.detail());
        assertTrue(s.stream().noneMatch(x -> x.lane() == Lane.HYPERVISOR), "under EPT the guest's own fault needs no VMM");
    }

    @Test
    void underShadowPagingAnInjectedFaultGoesThroughTheHypervisorIntoTheKernel() {
        ShellRig r = at("08-shadow-on-demand.yaml", 10);
        assertEquals(List.of("GUEST_APP:MMU walk · 4 refs", "HYPERVISOR:exit: EXCEPTION_NMI", "HYPERVISOR:VM entry",
                "GUEST_KERNEL:#PF handler"), lanes(r));
    }

    @Test
    void shadowSyncsInARowAreOneSegmentCountingEachKind() {
        ShellRig r = at("08-shadow-on-demand.yaml", 2);
        assertEquals(List.of("GUEST_APP:MMU walk · 1 ref", "HYPERVISOR:exit: EXCEPTION_NMI",
                "HYPERVISOR:shadow: 4 fills, 3 write-protects", "HYPERVISOR:VM entry", "GUEST_APP:MMU walk · 4 refs",
                "GUEST_APP:data"), lanes(r));
        LaneSegment syncs = r.vm.lanes().runProperty().get().segments().get(2);
        assertEquals(SegmentKind.HYPERVISOR_WORK, syncs.kind());
        assertEquals(7, syncs.count(), "a fill per level, a write-protect per newly shadowed guest table");
    }

    @Test
    void aNativeLessonSaysSoAndOnlyAStepForwardAnimates() {
        ShellRig r = at("01-native-walk.yaml", 2);
        LaneRun run = r.vm.lanes().runProperty().get();
        assertTrue(run.nativeMode());
        assertTrue(run.segments().stream().noneMatch(s -> s.lane() == Lane.HYPERVISOR));
        r.vm.stepBack();
        assertFalse(r.vm.lanes().runProperty().get().animate(), "a step back draws at once");
    }

    @Test
    void theBalloonDriverWorksInTheGuestKernel() {
        ShellRig r = at("13-ballooning.yaml", 2);
        assertEquals(List.of("GUEST_KERNEL:balloon +100"), lanes(r));
    }

    @Test
    void aTrappedPageTableStoreStartsInTheKernelBeforeTheExit() {
        ShellRig r = at("09-shadow-sync.yaml", 5);
        assertEquals(List.of("GUEST_KERNEL:PTE store (traps)", "HYPERVISOR:exit: EXCEPTION_NMI",
                "HYPERVISOR:shadow: 1 zap", "HYPERVISOR:VM entry"), lanes(r));
    }
}
