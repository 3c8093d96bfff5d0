package org.memvirt.view;

import javafx.scene.control.Label;
import javafx.scene.text.Text;

/**
 * Lets a label wrap between words but never inside one, and never cut it: its minimum width
 * follows its longest word in its current font (the presenter's zoom changes it), so a layout
 * that shrinks it stops there and makes room elsewhere or scales, instead of showing "Gues…".
 */
public final class WholeWords {
    private WholeWords() {
    }

    /** Makes {@code label} wrap at word boundaries and keeps its minimum width at its longest word. */
    public static Label keep(Label label) {
        label.setWrapText(true);
        Runnable update = () -> label.setMinWidth(longestWord(label));
        label.fontProperty().addListener((obs, old, now) -> update.run());
        label.textProperty().addListener((obs, old, now) -> update.run());
        label.graphicProperty().addListener((obs, old, now) -> update.run());
        label.paddingProperty().addListener((obs, old, now) -> update.run());
        update.run();
        return label;
    }

    /** The width of the label's longest word plus its graphic and padding, in its current font. */
    static double longestWord(Label label) {
        Text probe = new Text();
        probe.setFont(label.getFont());
        double widest = 0;
        String text = label.getText() == null ? "" : label.getText();
        for (String word : text.split("\\s+")) {
            probe.setText(word);
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        double graphic = label.getGraphic() == null ? 0
                : label.getGraphic().prefWidth(-1) + label.getGraphicTextGap();
        return Math.ceil(widest + graphic + label.getPadding().getLeft() + label.getPadding().getRight()) + 2;
    }
}
