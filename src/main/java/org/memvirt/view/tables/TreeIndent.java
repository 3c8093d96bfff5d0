package org.memvirt.view.tables;

import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** The indentation of a tree row: one guide line per level above it. */
final class TreeIndent {
    static final double STEP = 18;

    private TreeIndent() {
    }

    static Region of(int depth) {
        HBox box = new HBox();
        box.getStyleClass().add("tree-indent");
        for (int i = 0; i < depth; i++) {
            Region guide = new Region();
            guide.getStyleClass().add("tree-guide");
            guide.setMinWidth(STEP);
            guide.setPrefWidth(STEP);
            guide.setMaxWidth(STEP);
            box.getChildren().add(guide);
        }
        box.setMinWidth(depth * STEP);
        box.setPrefWidth(depth * STEP);
        box.setMaxWidth(depth * STEP);
        return box;
    }
}
