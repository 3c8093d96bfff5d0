package org.memvirt.view.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.shape.CubicCurve;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memvirt.engine.event.ShadowSync;
import org.memvirt.engine.event.SyncKind;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.viewmodel.StepFrame;
import org.memvirt.viewmodel.tables.TableScenarios;
import org.memvirt.viewmodel.tables.TablesViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Tables view with real engine steps, clicked as a student clicks it (headless, no animation). */
@ExtendWith(ApplicationExtension.class)
class TablesViewTest {
    private static final PseudoClass PATH = PseudoClass.getPseudoClass("path");
    private static final PseudoClass READ = PseudoClass.getPseudoClass("read");
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");

    private final List<StepFrame> shadow = TableScenarios.shadow();
    private TablesViewModel viewModel;

    @Start
    void start(Stage stage) {
        viewModel = new TablesViewModel();
        viewModel.setFrame(shadow.get(0));
        // Monocle's headless screen is 1280 × 800; a larger window overflows its frame buffer
        stage.setScene(new Scene(new TablesView(viewModel, Duration.ZERO), 1260, 780));
        stage.show();
    }

    /** What the lesson player does when the student steps. */
    private void step(FxRobot robot, StepFrame frame) {
        robot.interact(() -> viewModel.setFrame(frame));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Node card(FxRobot robot, String table, long entryAddress) {
        return robot.lookup("#entry-" + table + "-" + Long.toHexString(entryAddress) + " .entry-card").query();
    }

    private static boolean has(Node node, PseudoClass pc) {
        return node.getPseudoClassStates().contains(pc);
    }

    private static long shadowLeafRead(StepFrame f) {
        List<WalkStep> walk = f.events().stream().filter(WalkStep.class::isInstance).map(WalkStep.class::cast)
                .toList();
        return walk.get(walk.size() - 1).entryAddress();
    }

    @Test
    void steppingMovesTheHighlightToTheShadowEntryTheNextWalkReads(FxRobot robot) {
        step(robot, shadow.get(1));
        long first = shadowLeafRead(shadow.get(1));
        Node firstCard = card(robot, "shadow", first);
        assertTrue(has(firstCard, READ) && has(firstCard, PATH) && has(firstCard, CHANGED),
                "filled, read and in use");

        step(robot, shadow.get(2));

        long second = shadowLeafRead(shadow.get(2));
        assertEquals(first + 8, second, "the next PT entry");
        Node secondCard = card(robot, "shadow", second);
        assertTrue(has(secondCard, READ) && has(secondCard, PATH));
        Node firstAgain = card(robot, "shadow", first);
        assertFalse(has(firstAgain, READ), "not read in this step");
        assertFalse(has(firstAgain, PATH), "no longer on the followed path");
        assertTrue(robot.lookup("#tables-headline").queryAs(Label.class).getText().startsWith("Step 2"));
    }

    @Test
    void aTrappedPteWriteShowsTheStoreTheExitTheEmulationAndTheUpdatedShadowEntry(FxRobot robot) {
        for (int i = 1; i <= 3; i++) {
            step(robot, shadow.get(i));
        }

        assertEquals("Guest kernel stores to its PT entry", title(robot, 1));
        assertTrue(title(robot, 2).startsWith("Trap: VM exit EXCEPTION_NMI"), title(robot, 2));
        assertEquals("VMM emulates the store", title(robot, 3));
        assertTrue(title(robot, 4).endsWith("updated"), title(robot, 4));
        assertEquals("VM entry: guest resumes", title(robot, 5));
        ShadowSync update = shadow.get(3).events().stream().filter(ShadowSync.class::isInstance)
                .map(ShadowSync.class::cast).filter(s -> s.kind() == SyncKind.UPDATE).findFirst().orElseThrow();
        assertTrue(has(card(robot, "shadow", update.shadowEntryAddress()), CHANGED));
        assertTrue(has(card(robot, "guest", update.guestEntryAddress()), CHANGED), "written by the guest");
        assertEquals(2, robot.lookup(".link-overlay .link-line").queryAllAs(CubicCurve.class).size(),
                "one arrow from the guest entry, one from the P2M entry");
    }

    private static String title(FxRobot robot, int beat) {
        return robot.lookup("#beat-" + beat + " .beat-title").queryAs(Label.class).getText();
    }

    @Test
    void aFillDrawsNumberedArrowsThatFollowTheRowsWhenScrolled(FxRobot robot) {
        step(robot, shadow.get(1));

        List<String> numbers = arrowNumbers(robot);
        assertFalse(numbers.isEmpty(), "fills in view are drawn");
        assertTrue(List.of("1", "2", "3", "4").containsAll(numbers), numbers::toString);

        robot.interact(() -> robot.lookup(".column-scroll").queryAllAs(ScrollPane.class).forEach(s -> s.setVvalue(0)));
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(arrowNumbers(robot).contains("1"), "at the top: the PML4 fill, guest entry → shadow entry");
        assertTrue(robot.lookup(".badge-vmm").queryAll().size() >= 1, "guest tables write-protected just now");
    }

    private static List<String> arrowNumbers(FxRobot robot) {
        return robot.lookup(".link-overlay .link-number").queryAllAs(Label.class).stream().map(Label::getText)
                .sorted().toList();
    }

    @Test
    void clickingAnotherProcessShowsItsGuestTable(FxRobot robot) {
        step(robot, shadow.get(1));
        long root2 = shadow.get(1).snapshot().vm(1).processes().get(1).root();

        robot.clickOn("#process-2");

        assertTrue(robot.lookup("#process-2").queryAs(ToggleButton.class).isSelected());
        assertEquals(1, robot.lookup("#table-guest-" + Long.toHexString(root2)).queryAll().size());
        assertTrue(robot.lookup(".column-note").queryAs(Label.class).getText().startsWith("No shadow root"));

        robot.clickOn("#process-1");
        assertEquals(0, robot.lookup("#table-guest-" + Long.toHexString(root2)).queryAll().size());
    }

    @Test
    void showAllOpensTheTablesOffThePath(FxRobot robot) {
        step(robot, shadow.get(1));
        int before = robot.lookup(".table-heading").queryAll().size();

        robot.clickOn("#show-all");

        assertTrue(robot.lookup("#show-all").queryAs(CheckBox.class).isSelected());
        assertTrue(viewModel.showAllProperty().get());
        assertTrue(robot.lookup(".table-heading").queryAll().size() > before, "the FAR mapping's tables open too");

        robot.clickOn("#show-all");
        assertEquals(before, robot.lookup(".table-heading").queryAll().size());
    }

    @Test
    void clickingAnotherVmShowsItsTables(FxRobot robot) {
        List<StepFrame> twoVms = TableScenarios.twoVms();
        step(robot, twoVms.get(0));
        step(robot, twoVms.get(1));
        assertTrue(robot.lookup("#vm-1").queryAs(ToggleButton.class).isSelected());

        robot.clickOn("#vm-2");

        assertTrue(robot.lookup("#tables-context").queryAs(Label.class).getText().contains("VM 2"));
        assertTrue(robot.lookup("#vm-2").queryAs(ToggleButton.class).isSelected());
        assertEquals(1, robot.lookup("#column-ept").queryAll().size(), "nested paging: guest table and EPT");
        assertEquals(0, robot.lookup("#column-shadow").queryAll().size());
    }
}
