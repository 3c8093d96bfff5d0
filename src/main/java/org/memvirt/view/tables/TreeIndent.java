package org.memvirt.view.tables;

import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** The indentation of a tree row: one guide line per level above it (its width is in tables.css). */
final class TreeIndent {
    private TreeIndent() {
    }

    static Region of(int depth) {
        HBox box = new HBox();
        box.getStyleClass().add("tree-indent");
        for (int i = 0; i < depth; i++) {
            Region guide = new Region();
            guide.getStyleClass().add("tree-guide");
            box.getChildren().add(guide);
        }
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.setMaxWidth(Region.USE_PREF_SIZE);
        return box;
    }
}
