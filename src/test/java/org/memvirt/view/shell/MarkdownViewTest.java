package org.memvirt.view.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memvirt.lesson.LessonLoader;
import org.memvirt.lesson.PlayedStep;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The narration view draws the Markdown blocks: lesson 8's table as a grid, links that say when they cannot open. */
@ExtendWith(ApplicationExtension.class)
class MarkdownViewTest {
    private final SimpleStringProperty text = new SimpleStringProperty("");
    private final List<String> opened = new ArrayList<>();
    private MarkdownView view;

    @Start
    void start(Stage stage) {
        view = new MarkdownView("narration", text, target -> {
            opened.add(target);
            return target.startsWith("https:") ? Optional.empty() : Optional.of("Only web links open: " + target);
        });
        view.setPrefWidth(640);
        stage.setScene(new Scene(new StackPane(view), 700, 500));
        stage.show();
    }

    private static String lessonEightTableStep() {
        for (PlayedStep s : new LessonLoader().load(Path.of("lessons/08-shadow-on-demand.yaml")).played().steps()) {
            if (s.narration().contains("|---|")) {
                return s.narration();
            }
        }
        throw new AssertionError("lesson 8 has no table step");
    }

    @Test
    void lessonEightsTableIsDrawnAsAGrid(FxRobot robot) {
        robot.interact(() -> text.set(lessonEightTableStep()));
        WaitForAsyncUtils.waitForFxEvents();
        GridPane grid = robot.lookup(".md-table").queryAs(GridPane.class);
        List<Node> header = grid.getChildren().filtered(n -> GridPane.getRowIndex(n) == 0);
        assertEquals(3, header.size());
        List<Bounds> heads = header.stream().map(n -> n.localToScene(n.getBoundsInLocal()))
                .sorted(Comparator.comparingDouble(Bounds::getMinX)).toList();
        for (int i = 1; i < heads.size(); i++) {
            assertEquals(heads.get(0).getMinY(), heads.get(i).getMinY(), 0.5, "header cells share one line");
            assertTrue(heads.get(i).getMinX() >= heads.get(i - 1).getMaxX() - 0.5, "columns side by side");
        }
        double headerBottom = heads.stream().mapToDouble(Bounds::getMaxY).max().orElseThrow();
        List<Node> body = grid.getChildren().filtered(n -> GridPane.getRowIndex(n) > 0);
        assertEquals(6, body.size());
        body.forEach(n -> assertTrue(n.localToScene(n.getBoundsInLocal()).getMinY() >= headerBottom - 0.5));
        for (Node n : robot.lookup(".md-text").queryAllAs(Text.class)) {
            assertFalse(((Text) n).getText().contains("|---|"), "no raw pipes: " + ((Text) n).getText());
        }
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = grid.snapshot(null, null));
        assertTrue(shot[0].getWidth() > 200 && shot[0].getHeight() > 40, "the grid has a size: " + shot[0].getWidth());
    }

    @Test
    void headingsCodeAndListsGetTheirOwnLook(FxRobot robot) {
        robot.interact(() -> text.set("## Host\n\n```\nmov cr3, rax\n```\n\n- one\n- two"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, robot.lookup(".md-h2").queryAll().size());
        assertEquals("mov cr3, rax", robot.lookup(".md-code-block").queryAs(Label.class).getText());
        assertEquals(2, robot.lookup(".md-list-row").queryAll().size());
    }

    @Test
    void aLinkThatCannotOpenSaysWhy(FxRobot robot) {
        robot.interact(() -> text.set("read [the notes](notes.txt) or [the SDM](https://www.intel.com/sdm)"));
        WaitForAsyncUtils.waitForFxEvents();
        List<Text> links = new ArrayList<>(robot.lookup(".md-link").queryAllAs(Text.class));
        assertEquals(2, links.size());
        links.sort(Comparator.comparing(Text::getText));
        robot.clickOn(links.get(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("notes.txt"), opened);
        assertEquals("Only web links open: notes.txt", robot.lookup(".md-link-message").queryAs(Label.class).getText());
        robot.clickOn(links.get(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("notes.txt", "https://www.intel.com/sdm"), opened);
        assertTrue(robot.lookup(".md-link-message").queryAll().isEmpty(), "an opened link clears the message");
        assertTrue(view.getChildren().stream().allMatch(n -> n instanceof TextFlow), "only the paragraph is left");
    }
}
