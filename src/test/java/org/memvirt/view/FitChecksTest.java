package org.memvirt.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The layout checks find what they look for: a cut label, a label outside its box, a label off the view. */
@ExtendWith(ApplicationExtension.class)
class FitChecksTest {
    private Label cut;
    private Label whole;
    private Label wanderer;
    private Pane box;
    private VBox root;

    @Start
    void start(Stage stage) {
        cut = new Label("Guest page table");
        whole = new Label("Shadow");
        wanderer = new Label("P2M");
        box = new Pane(wanderer);
        root = new VBox(cut, whole, box);
        cut.setMaxWidth(40);
        box.setPrefSize(100, 30);
        box.setMaxSize(100, 30);
        wanderer.relocate(300, 0);
        stage.setScene(new Scene(root, 400, 200));
        stage.show();
    }

    @Test
    void aCutLabelAndALabelOutsideItsBoxAreFound(FxRobot robot) {
        robot.interact(root::layout);
        assertEquals(1, FitChecks.truncated(root).size(), FitChecks.truncated(root).toString());
        assertTrue(FitChecks.truncated(root).get(0).contains("Guest page table"));
        assertEquals(1, FitChecks.outsideParent(root).size(), FitChecks.outsideParent(root).toString());
        assertTrue(FitChecks.inView(whole, root));
        assertFalse(FitChecks.inView(wanderer, box));
    }

    @Test
    void hiddenTextDoesNotCount(FxRobot robot) {
        robot.interact(() -> {
            cut.setVisible(false);
            box.setVisible(false);
            root.layout();
        });
        assertEquals(0, FitChecks.truncated(root).size());
        assertEquals(0, FitChecks.outsideParent(root).size());
        assertFalse(FitChecks.inView(cut, root));
    }
}
