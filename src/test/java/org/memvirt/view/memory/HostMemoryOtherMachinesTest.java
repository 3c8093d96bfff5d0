package org.memvirt.view.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memvirt.engine.Action;
import org.memvirt.engine.Machine;
import org.memvirt.engine.MachineConfig;
import org.memvirt.engine.StepResult;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.paging.X86Entry;
import org.memvirt.viewmodel.StepFrame;
import org.memvirt.viewmodel.memory.HostMemoryViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The screen before a lesson opens (the window may show it empty) and with machines that have no
 * guest page arrays: a native machine and a shadow-paged VM. Nothing breaks; the frame map still shows.
 */
@ExtendWith(ApplicationExtension.class)
class HostMemoryOtherMachinesTest {
    private HostMemoryViewModel viewModel;

    @Start
    void start(Stage stage) {
        viewModel = new HostMemoryViewModel();
        stage.setScene(new Scene(new HostMemoryView(viewModel, Duration.ZERO), 1000, 700));
        stage.show();
    }

    private static StepFrame touchedOnce(PagingMode mode) {
        MachineConfig config = MachineConfig.defaults().withMode(mode).withHostFrames(1024);
        if (mode != PagingMode.NATIVE) {
            config = config.withVmRam(List.of(2L << 20));
        }
        Machine m = new Machine(config);
        int vm = mode == PagingMode.NATIVE ? 0 : 1;
        int pid = m.createProcess(vm);
        long va = 0x0000_0040_0000_0000L;
        m.mapPage(vm, pid, va, PageSize.SIZE_4K, X86Entry.P | X86Entry.RW | X86Entry.US);
        StepResult r = m.step(new Action.Access(vm, va, AccessKind.WRITE, Privilege.USER, 7));
        return new StepFrame(1, "A write", r.snapshot(), r.events());
    }

    @Test
    void emptyThenANativeThenAShadowMachine(FxRobot robot) {
        assertEquals("No step yet", robot.lookup("#memory-headline").queryAs(Label.class).getText());

        for (PagingMode mode : List.of(PagingMode.NATIVE, PagingMode.SHADOW)) {
            StepFrame f = touchedOnce(mode);
            robot.interact(() -> {
                viewModel.history().setAll(List.of(f));
                viewModel.frameProperty().set(f);
            });

            assertEquals("Step 1 of 1 · A write",
                    robot.lookup("#memory-headline").queryAs(Label.class).getText(), mode.name());
            assertTrue(robot.lookup("#frame-map-image").query().isVisible());
            assertEquals(1024, viewModel.updateProperty().get().picture().frames().frameCount());
        }
    }
}
