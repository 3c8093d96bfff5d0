package org.memvirt.view.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.memvirt.view.WalkView;
import org.memvirt.view.lanes.ExecutionLanesView;
import org.memvirt.viewmodel.WalkScenario;
import org.memvirt.viewmodel.WalkViewModel;
import org.memvirt.viewmodel.shell.ErrorLine;
import org.memvirt.viewmodel.shell.LessonCatalog;
import org.memvirt.viewmodel.shell.LessonWalkViewModel;
import org.memvirt.viewmodel.shell.LessonWindowViewModel;
import org.memvirt.viewmodel.shell.MemorySettingsStore;
import org.memvirt.viewmodel.shell.PresenterViewModel;
import org.memvirt.viewmodel.shell.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The lesson window, driven as a presenter drives it (headless, animations off). */
@ExtendWith(ApplicationExtension.class)
class LessonWindowTest {
    private LessonWindowViewModel vm;
    private LessonWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        PresenterViewModel presenter = new PresenterViewModel(new MemorySettingsStore());
        vm = new LessonWindowViewModel(new LessonCatalog(getClass().getClassLoader()), Runnable::run, Runnable::run,
                presenter, new LessonWalkViewModel(LessonWalkViewModel.lessonWalkScreen()));
        CenterView explorer = new CenterView("Walk explorer", "walk-explorer",
                () -> new WalkView(new WalkViewModel(new WalkScenario()), Duration.ZERO), false);
        window = new LessonWindow(vm, List.of(LessonWindow.walkView(vm, Duration.ZERO), explorer), Duration.ZERO);
        // Monocle's headless screen is 1280 × 800; a larger window overflows its frame buffer
        stage.setScene(new Scene(window, 1260, 780));
        window.attach(stage);
        stage.show();
        vm.openFirstLesson();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static boolean disabled(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Button.class).isDisabled();
    }

    @Test
    void stepThroughTheLessonToItsEndAndBack(FxRobot robot) {
        assertEquals("MemVirt Lab — The 2D walk: why 24 references, not 16",
                ((Stage) window.getScene().getWindow()).getTitle());
        assertEquals("introduction · 13 steps", text(robot, "#lesson-step-text"));
        assertTrue(disabled(robot, "#lesson-step-back"));
        assertTrue(disabled(robot, "#lesson-to-start"));

        for (int i = 1; i <= 13; i++) {
            robot.clickOn("#lesson-step");
        }

        assertEquals("step 13 of 13", text(robot, "#lesson-step-text"));
        assertEquals("Five levels on both sides", text(robot, "#step-title"));
        assertTrue(disabled(robot, "#lesson-step"), "no step after the last");
        assertTrue(disabled(robot, "#lesson-to-end"));

        robot.clickOn("#lesson-step-back");
        assertEquals("step 12 of 13", text(robot, "#lesson-step-text"));
        assertFalse(disabled(robot, "#lesson-step"));
        robot.clickOn("#lesson-to-start");
        assertEquals(0, vm.positionProperty().get());
    }

    @Test
    void keysStepOnceAndJump(FxRobot robot) {
        robot.type(KeyCode.RIGHT);
        assertEquals(1, vm.positionProperty().get(), "one key, one step");
        robot.type(KeyCode.RIGHT);
        assertEquals(24, vm.walk().walk().positionProperty().get(), "the step's walk is drawn");
        robot.type(KeyCode.LEFT);
        assertEquals(1, vm.positionProperty().get());
        robot.type(KeyCode.END);
        assertEquals(13, vm.positionProperty().get());
        robot.press(KeyCode.CONTROL).type(KeyCode.PAGE_UP).release(KeyCode.CONTROL);
        assertEquals(9, vm.positionProperty().get(), "Ctrl+PgUp: the start of the last chapter");
        robot.type(KeyCode.HOME);
        assertEquals(0, vm.positionProperty().get());
        robot.type(KeyCode.SPACE);
        assertEquals(1, vm.positionProperty().get(), "Play with no animation runs to the first open question");
    }

    @Test
    void clickingTheOutlineAndScrubbingJump(FxRobot robot) {
        // the left of the row: long titles run past the narrow left column
        Node row = robot.lookup("5  References 6–10: the PDPT").query();
        robot.clickOn(robot.point(row).atPosition(javafx.geometry.Pos.CENTER_LEFT).atOffset(new javafx.geometry.Point2D(30, 0)));
        assertEquals(5, vm.positionProperty().get());
        assertEquals("References 6–10: the PDPT", text(robot, "#step-title"));

        Slider scrub = robot.lookup("#lesson-scrub").queryAs(Slider.class);
        Bounds b = scrub.localToScreen(scrub.getBoundsInLocal());
        robot.clickOn(b.getMinX() + b.getWidth() * 0.55, b.getCenterY());
        int p = vm.positionProperty().get();
        assertTrue(p >= 6 && p <= 8, "clicked near 7 of 13, got " + p);
        assertEquals("step " + p + " of 13", text(robot, "#lesson-step-text"));
        javafx.css.PseudoClass current = javafx.css.PseudoClass.getPseudoClass("current");
        List<String> marked = robot.lookup(".tree-cell").queryAllAs(javafx.scene.control.TreeCell.class).stream()
                .filter(c -> c.getPseudoClassStates().contains(current)).map(c -> c.getText()).toList();
        assertEquals(1, marked.size(), marked.toString());
        assertTrue(marked.get(0).startsWith(p + "  "), "the outline marks the step: " + marked);
    }

    /** Scrolls the narration column to its end, where the question is. */
    private static void showQuestion(FxRobot robot) {
        javafx.scene.control.ScrollPane story = robot.lookup("#story-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> story.setVvalue(story.getVmax()));
    }

    @Test
    void answerAQuestionBeforeTheStep(FxRobot robot) {
        robot.clickOn("#lesson-step");
        showQuestion(robot);
        assertTrue(robot.lookup("#question-panel").query().isVisible());
        assertTrue(robot.lookup("#question-check").queryAs(Button.class).isDisabled());

        robot.clickOn("#question-choice-1");
        robot.clickOn("#question-check");
        assertEquals("Not quite: try again, or Reveal.", text(robot, "#question-feedback"));
        robot.clickOn("#question-choice-3");
        robot.clickOn("#question-check");
        assertEquals("Right! Step on to see it happen.", text(robot, "#question-feedback"));
        assertTrue(robot.lookup("#question-explanation").query().isVisible());

        robot.clickOn("#lesson-step");
        assertEquals("Answer: 24 (you predicted it)", text(robot, "#answer-note"));
        assertTrue(robot.lookup("#answer-note").query().isVisible());
    }

    @Test
    void nextWaitsForTheAnswerWhenAsked(FxRobot robot) {
        robot.clickOn("#lesson-step");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.A).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertTrue(vm.presenter().blockUntilAnsweredProperty().get());
        assertTrue(disabled(robot, "#lesson-step"));
        assertTrue(robot.lookup("#waiting-for-answer").query().isVisible());
        robot.type(KeyCode.DIGIT4);
        robot.type(KeyCode.ENTER);
        assertFalse(disabled(robot, "#lesson-step"), "answered by keys: 4, Enter");
    }

    @Test
    void themeAndZoomChangeTheWholeWindow(FxRobot robot) {
        Label title = robot.lookup("#lesson-title").queryAs(Label.class);
        double before = title.getFont().getSize();
        robot.type(KeyCode.T);
        assertEquals(Theme.DARK, vm.presenter().getTheme());
        assertTrue(window.getStyleClass().contains("theme-dark"));
        robot.type(KeyCode.T);
        assertTrue(window.getStyleClass().contains("theme-projector"));
        assertTrue(window.getStylesheets().stream().anyMatch(s -> s.endsWith("shell-projector.css")));

        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.5, vm.presenter().getZoom());
        assertEquals("-fx-font-size: 21.00px;", window.getStyle());
        assertEquals(before * 1.5, title.getFont().getSize(), 0.01, "em sizes follow the root font");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, title.getFont().getSize(), 0.01);
    }

    @Test
    void exportTheViewAndEveryStepAsPngs(FxRobot robot) throws IOException {
        robot.clickOn("#lesson-step");
        robot.clickOn("#lesson-step");
        Path[] written = new Path[1];
        robot.interact(() -> {
            try {
                written[0] = window.exportView(dir.resolve("walk"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(dir.resolve("walk.png"), written[0]);
        BufferedImage image = ImageIO.read(written[0].toFile());
        Node view = robot.lookup("#lesson-walk").query();
        assertEquals(Math.ceil(view.getLayoutBounds().getWidth()), image.getWidth(), 1.0);
        assertEquals(Math.ceil(view.getLayoutBounds().getHeight()), image.getHeight(), 1.0);
        assertTrue(image.getWidth() > 400 && image.getHeight() > 300);

        Path folder = dir.resolve("steps");
        List<?>[] all = new List<?>[1];
        robot.interact(() -> {
            try {
                all[0] = window.exportAllSteps(folder);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(14, all[0].size());
        assertTrue(Files.exists(folder.resolve("step-13-five-levels-on-both-sides.png")));
        assertTrue(ImageIO.read(folder.resolve("step-00-introduction.png").toFile()).getWidth() > 400);
        assertEquals(2, vm.positionProperty().get(), "back where it was");
    }

    @Test
    void aBrokenLessonShowsItsErrorsAndTheLessonStays(FxRobot robot) throws IOException {
        robot.clickOn("#lesson-step");
        assertFalse(robot.lookup("#error-panel").tryQuery().map(Node::isVisible).orElse(false));
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "title: Broken\nsummary: no\nseed: 1\nmachine: {mode: sideways}\nchapters: []\n");

        robot.interact(() -> vm.library().dropped(List.of(broken)));

        assertTrue(robot.lookup("#error-panel").query().isVisible());
        @SuppressWarnings("unchecked")
        ListView<ErrorLine> list = robot.lookup("#error-list").queryAs(ListView.class);
        assertFalse(list.getItems().isEmpty());
        assertTrue(list.getItems().get(0).text().startsWith(broken + ":"), list.getItems().get(0).text());
        assertTrue(text(robot, "#error-title").contains("Still showing"));
        assertEquals("The 2D walk: why 24 references, not 16", text(robot, "#lesson-title"));
        robot.clickOn("#lesson-step");
        assertEquals(2, vm.positionProperty().get(), "the previous lesson is still usable");
        robot.clickOn("#error-dismiss");
        assertFalse(robot.lookup("#error-panel").query().isVisible());
    }

    @Test
    void theShortcutSheetOpensOnF1AndClosesOnEscape(FxRobot robot) {
        assertFalse(robot.lookup("#shortcut-sheet").tryQuery().map(Node::isVisible).orElse(false));
        robot.type(KeyCode.F1);
        assertTrue(robot.lookup("#shortcut-sheet").query().isVisible());
        robot.type(KeyCode.RIGHT);
        assertEquals(0, vm.positionProperty().get(), "keys wait while the sheet is up");
        robot.type(KeyCode.ESCAPE);
        assertFalse(robot.lookup("#shortcut-sheet").query().isVisible());
    }

    @Test
    void theWalkExplorerIsATabOfItsOwn(FxRobot robot) {
        assertTrue(robot.lookup("#walk-view").tryQuery().isEmpty(), "made only when first shown");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        assertTrue(robot.lookup("#walk-view").query().isVisible());
        assertEquals("reference 0 of 24", text(robot, "#reference-counter"));
        robot.clickOn("Walk");
        assertTrue(robot.lookup("#lesson-walk").query().isVisible());
    }

    @Test
    void f11TakesTheWindowToFullScreenAndBack(FxRobot robot) {
        Stage stage = (Stage) window.getScene().getWindow();
        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isFullScreen());
        assertTrue(vm.presenter().fullScreenProperty().get());
        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isFullScreen());
        assertFalse(vm.presenter().fullScreenProperty().get());
    }

    @Test
    void aLessonFileDroppedOnTheWindowOpens(FxRobot robot) throws IOException {
        Path file = Files.copy(Path.of("lessons/14-page-sharing.yaml"), dir.resolve("sharing.yaml"));
        DragEvent[] over = new DragEvent[1];
        DragEvent[] drop = new DragEvent[1];
        robot.interact(() -> {
            over[0] = FileDrag.event(DragEvent.DRAG_OVER, window, List.of(file.toFile()));
            window.getOnDragOver().handle(over[0]);
        });
        assertEquals(TransferMode.COPY, over[0].getAcceptedTransferMode(), "the window takes files");

        robot.interact(() -> {
            drop[0] = FileDrag.event(DragEvent.DRAG_DROPPED, window, List.of(file.toFile()));
            window.getOnDragDropped().handle(drop[0]);
        });
        assertTrue(drop[0].isDropCompleted());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("MemVirt Lab — Content-based page sharing", ((Stage) window.getScene().getWindow()).getTitle());
        assertEquals("introduction · 10 steps", text(robot, "#lesson-step-text"));
    }

    @Test
    void theLanesShowTheTripDownToTheHypervisorAndBack(FxRobot robot) {
        robot.interact(() -> {
            vm.library().openPath(Path.of("lessons/06-guest-vs-hidden-faults.yaml"));
            vm.jumpTo(4);
        });
        WaitForAsyncUtils.waitForFxEvents();
        ExecutionLanesView lanes = robot.lookup("#execution-lanes").queryAs(ExecutionLanesView.class);
        List<Label> work = lanes.segments();
        assertEquals(List.of("MMU walk · 24 refs", "exit: EPT_VIOLATION", "memslot", "host PT walk ×4", "host #PF",
                "EPT fill", "VM entry", "MMU walk · 24 refs", "data"), work.stream().map(Label::getText).toList());
        double app = work.get(0).getLayoutY();
        double hypervisor = work.get(1).getLayoutY();
        assertTrue(hypervisor > app + work.get(0).getHeight(), "the exit sits in a lower lane");
        assertEquals(hypervisor, work.get(2).getLayoutY(), 1.0, "the hypervisor looks up the memslot");
        assertTrue(work.get(3).getLayoutY() > hypervisor + work.get(1).getHeight(),
                "the host kernel walks its own page table in the lane below the hypervisor's");
        assertEquals(app, work.get(7).getLayoutY(), 1.0, "after the entry the app runs again");
        assertTrue(work.get(1).getLayoutX() > work.get(0).getLayoutX(), "in the order it ran");
    }

    @Test
    void theLanesGoAwayWithWAndUnderViewsThatRunTheirOwnMachines(FxRobot robot) {
        Node lanes = robot.lookup("#execution-lanes").query();
        assertTrue(lanes.isVisible());
        robot.type(KeyCode.W);
        assertFalse(lanes.isVisible(), "W hides them");
        robot.type(KeyCode.W);
        assertTrue(lanes.isVisible());
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        assertFalse(lanes.isVisible(), "the walk explorer is not the lesson's step");
        robot.clickOn("Walk");
        assertTrue(lanes.isVisible());
    }
}
