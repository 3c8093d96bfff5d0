package org.memvirt.view.tables;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

import org.kordamp.ikonli.javafx.FontIcon;

/** Small labelled badges: a word, an icon, a colour; the word and icon carry the meaning alone. */
final class Badges {
    private Badges() {
    }

    static Label badge(String text, String icon, String tooltip, String... styleClasses) {
        Label l = new Label(text);
        l.getStyleClass().add("badge");
        l.getStyleClass().addAll(styleClasses);
        if (icon != null) {
            FontIcon i = new FontIcon(icon);
            i.getStyleClass().add("badge-icon");
            l.setGraphic(i);
        }
        if (tooltip != null) {
            l.setTooltip(new Tooltip(tooltip));
        }
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    /** Circled numbers ① … ⑳ for links; beyond that "(21)". */
    static String circled(int n) {
        return n >= 1 && n <= 20 ? String.valueOf((char) ('\u2460' + n - 1)) : "(" + n + ")";
    }
}
