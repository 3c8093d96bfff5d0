package org.memvirt.view.compare;

import java.util.function.IntFunction;

import javafx.beans.property.IntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A labelled slider over whole numbers. The label follows the thumb as it is dragged; the view
 * model hears of the new value only when the thumb is let go (each value builds three machines
 * and replays the trace), or at once for a click or a key.
 */
final class KnobSlider extends VBox {
    private final Slider slider;

    KnobSlider(String id, String title, IntegerProperty property, int min, int max, int step,
               IntFunction<String> valueText, String tooltip) {
        getStyleClass().add("knob");
        slider = new Slider(min, max, property.get());
        slider.setId(id);
        slider.setBlockIncrement(step);
        slider.setMajorTickUnit(step);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setPrefWidth(200);
        slider.setMaxWidth(Double.MAX_VALUE);
        slider.setTooltip(new Tooltip(tooltip));
        Label name = new Label(title.toUpperCase(java.util.Locale.ROOT));
        name.getStyleClass().add("setting-label");
        Label value = new Label();
        value.setId(id + "-value");
        value.getStyleClass().add("knob-value");
        value.setText(valueText.apply(property.get()));
        slider.valueProperty().addListener((obs, old, now) -> {
            int v = (int) Math.round(now.doubleValue());
            value.setText(valueText.apply(v));
            if (!slider.isValueChanging()) {
                property.set(v);
            }
        });
        slider.valueChangingProperty().addListener((obs, was, now) -> {
            if (!now) {
                property.set((int) Math.round(slider.getValue()));
            }
        });
        property.addListener((obs, old, now) -> {
            if ((int) Math.round(slider.getValue()) != now.intValue()) {
                slider.setValue(now.intValue());
            }
            value.setText(valueText.apply(now.intValue()));
        });
        HBox head = new HBox(8, name, value);
        head.setAlignment(Pos.BASELINE_LEFT);
        getChildren().addAll(head, slider);
        setSpacing(2);
    }

    Slider slider() {
        return slider;
    }
}
