package org.memvirt.view;

import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.text.Text;

/**
 * A label that says the same thing in shorter words when its room is small ("EPT PML4", then
 * "ePML4"), instead of cutting its text with an ellipsis. It asks for the room of its longest
 * form and needs only that of its shortest; at layout it shows the longest form that fits whole.
 */
final class FittingLabel extends Label {
    private final List<String> forms;
    private final Text measure = new Text();

    /** @param forms what the label says, longest first; at least one */
    FittingLabel(List<String> forms) {
        super(forms.get(0));
        this.forms = List.copyOf(forms);
    }

    private double textWidth(String s) {
        measure.setFont(getFont());
        measure.setText(s);
        return Math.ceil(measure.getLayoutBounds().getWidth()) + 1;
    }

    private double textHeight(String s) {
        measure.setFont(getFont());
        measure.setText(s);
        measure.setLineSpacing(getLineSpacing());
        return Math.ceil(measure.getLayoutBounds().getHeight());
    }

    private double horizontal() {
        return snappedLeftInset() + snappedRightInset();
    }

    private double vertical() {
        return snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return horizontal() + textWidth(forms.get(forms.size() - 1));
    }

    @Override
    protected double computeMinHeight(double width) {
        return vertical() + textHeight(forms.get(forms.size() - 1));
    }

    @Override
    protected double computePrefWidth(double height) {
        return horizontal() + textWidth(forms.get(0));
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width < 0 ? Double.MAX_VALUE : width - horizontal();
        return vertical() + textHeight(formFor(w, Double.MAX_VALUE));
    }

    /** The longest form that fits {@code width} × {@code height} (text area), else the shortest. */
    private String formFor(double width, double height) {
        for (String f : forms) {
            // a form of more lines must also fit the height; one line always does where the shortest does
            boolean tall = f.indexOf('\n') >= 0;
            if (textWidth(f) <= width + 0.5 && (!tall || textHeight(f) <= height + 0.5)) {
                return f;
            }
        }
        return forms.get(forms.size() - 1);
    }

    @Override
    protected void layoutChildren() {
        String form = formFor(getWidth() - horizontal(), getHeight() - vertical());
        if (!form.equals(getText())) {
            setText(form);
        }
        super.layoutChildren();
    }
}
