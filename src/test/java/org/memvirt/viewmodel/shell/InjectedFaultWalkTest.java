package org.memvirt.viewmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * A walk the hypervisor answers by injecting a page fault is not retried: the guest's handler
 * runs instead. The Walk tab shows that walk, not an empty "attempt" after the VM entry.
 */
class InjectedFaultWalkTest {
    @Test
    void theWalkBeforeAnInjectedFaultIsTheOneShown() {
        ShellRig r = new ShellRig();
        r.vm.library().openPath(Path.of("lessons/09-shadow-sync.yaml"));
        r.stepTo(4);
        assertEquals(4, r.vm.walk().walk().referenceCountProperty().get(), "the four shadow references");
    }

    @Test
    void aRetriedAccessStillShowsItsLastAttempt() {
        ShellRig r = new ShellRig();
        r.vm.library().openPath(Path.of("lessons/06-guest-vs-hidden-faults.yaml"));
        r.stepTo(4);
        assertEquals(24, r.vm.walk().walk().referenceCountProperty().get(), "the retry after the EPT fill");
    }
}
