package org.memvirt.view.fit;

import javafx.scene.control.Labeled;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Wrapped labels that break only between words: the label's minimum width is its longest word
 * (plus its graphic and padding), so a narrow column wraps "Introduction" onto a line of its own
 * instead of breaking it into "Introductio n". A column that cannot be that narrow grows instead.
 */
public final class WholeWords {
    private WholeWords() {
    }

    /** Wraps {@code label}'s text between words only, now and whenever its text or font changes. */
    public static <T extends Labeled> T keep(T label) {
        label.setWrapText(true);
        Runnable update = () -> label.setMinWidth(minWidth(label));
        label.textProperty().addListener((obs, old, now) -> update.run());
        label.fontProperty().addListener((obs, old, now) -> update.run());
        label.graphicProperty().addListener((obs, old, now) -> update.run());
        update.run();
        return label;
    }

    /** The width of {@code text}'s widest word in {@code font}. */
    public static double widestWord(String text, Font font) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        Text ruler = new Text();
        ruler.setFont(font);
        double widest = 0;
        for (String word : text.split("\\s+")) {
            ruler.setText(word);
            widest = Math.max(widest, ruler.getLayoutBounds().getWidth());
        }
        return Math.ceil(widest);
    }

    private static double minWidth(Labeled label) {
        double graphic = label.getGraphic() == null ? 0
                : label.getGraphic().prefWidth(-1) + label.getGraphicTextGap();
        return widestWord(label.getText(), label.getFont()) + graphic + label.snappedLeftInset()
                + label.snappedRightInset() + 2;
    }
}
