package org.memvirt.view;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import atlantafx.base.theme.Styles;

/**
 * A row of joined toggle buttons, exactly one selected, kept in step with a property both ways.
 * Clicking the selected button keeps it selected (a choice never becomes empty), and no button is
 * ever squeezed to "…". The walk explorer's settings and the Compare view's knobs use it.
 *
 * @param <T> the kind of value chosen
 */
public final class ChoiceToggles<T> extends HBox {
    private final ToggleGroup group = new ToggleGroup();

    /**
     * @param idPrefix button ids are {@code idPrefix-label}, lower case ("guest-levels-5")
     */
    public ChoiceToggles(String idPrefix, ObjectProperty<T> property, List<T> values, Function<T, String> label) {
        this(idPrefix, property, values, label, label);
    }

    /**
     * @param idPrefix button ids are {@code idPrefix-key}, lower case, where key is {@code id} of the
     *                 value (for labels that make poor ids, such as "½×")
     */
    public ChoiceToggles(String idPrefix, ObjectProperty<T> property, List<T> values, Function<T, String> label,
                         Function<T, String> id) {
        getStyleClass().add("choice-toggles");
        for (int i = 0; i < values.size(); i++) {
            T value = values.get(i);
            ToggleButton b = new ToggleButton(label.apply(value));
            b.setUserData(value);
            b.setToggleGroup(group);
            b.setFocusTraversable(true);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setId(idPrefix + "-" + id.apply(value).toLowerCase(Locale.ROOT));
            b.getStyleClass().add(values.size() == 1 ? "single"
                    : i == 0 ? Styles.LEFT_PILL : i == values.size() - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            getChildren().add(b);
        }
        setMinWidth(Region.USE_PREF_SIZE);
        select(property.get());
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                if (old != null) {
                    group.selectToggle(old);
                }
                return;
            }
            @SuppressWarnings("unchecked")
            T chosen = (T) now.getUserData();
            property.set(chosen);
        });
        property.addListener((obs, old, now) -> select(now));
    }

    private void select(T value) {
        for (Toggle t : group.getToggles()) {
            if (t.getUserData().equals(value)) {
                group.selectToggle(t);
                return;
            }
        }
    }
}
