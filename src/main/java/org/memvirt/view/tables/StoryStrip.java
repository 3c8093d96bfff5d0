package org.memvirt.view.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.view.WholeWords;
import org.memvirt.viewmodel.tables.BeatKind;
import org.memvirt.viewmodel.tables.StoryBeat;

/**
 * "What just happened": the step's beats left to right with arrows between, each coloured by who
 * acts (guest, hypervisor, shadow, host, data) and carrying that word, an icon and its number.
 */
final class StoryStrip extends VBox {
    private final FlowPane beats = new FlowPane(4, 6);
    private final Label empty = new Label("Nothing happened to the tables in this step.");
    private final List<Label> details = new ArrayList<>();

    StoryStrip() {
        getStyleClass().add("story-strip");
        setId("story-strip");
        Label title = new Label("WHAT JUST HAPPENED");
        title.getStyleClass().add("section-title");
        title.setMinWidth(Label.USE_PREF_SIZE);
        beats.setAlignment(Pos.TOP_LEFT);
        beats.setId("story-beats");
        beats.setRowValignment(VPos.TOP);
        empty.getStyleClass().add("placeholder");
        WholeWords.keep(empty);
        managedProperty().bind(visibleProperty());
        getChildren().addAll(title, beats);
        setSpacing(4);
    }

    /** Density of the Tables view: from 1 the beats lose their detail lines, from 3 the strip goes. */
    void density(int level) {
        for (Label d : details) {
            d.setVisible(level < 1);
        }
        setVisible(level < 3);
    }

    void show(List<StoryBeat> story) {
        beats.getChildren().clear();
        details.clear();
        if (story.isEmpty()) {
            beats.getChildren().add(empty);
            return;
        }
        for (int i = 0; i < story.size(); i++) {
            if (i > 0) {
                FontIcon arrow = new FontIcon("mdi2a-arrow-right-thick");
                arrow.getStyleClass().add("beat-arrow");
                VBox holder = new VBox(arrow);
                holder.setAlignment(Pos.CENTER);
                holder.getStyleClass().add("beat-arrow-box");
                beats.getChildren().add(holder);
            }
            beats.getChildren().add(beat(story.get(i)));
        }
    }

    private VBox beat(StoryBeat b) {
        FontIcon icon = new FontIcon(b.warning() ? "mdi2a-alert" : icon(b.kind()));
        icon.getStyleClass().add("beat-icon");
        Label number = new Label(Integer.toString(b.number()));
        number.getStyleClass().add("beat-number");
        number.setMinWidth(Label.USE_PREF_SIZE);
        Label actor = new Label(b.actor().label().toUpperCase(Locale.ROOT));
        actor.getStyleClass().add("beat-actor");
        actor.setMinWidth(Label.USE_PREF_SIZE);
        HBox top = new HBox(5, number, icon, actor);
        top.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label(b.title());
        title.getStyleClass().add("beat-title");
        WholeWords.keep(title);
        Label detail = new Label(b.detail());
        detail.getStyleClass().add("beat-detail");
        WholeWords.keep(detail);
        detail.managedProperty().bind(detail.visibleProperty());
        details.add(detail);
        VBox box = new VBox(2, top, title, detail);
        box.getStyleClass().addAll("beat", "actor-" + b.actor().name().toLowerCase(Locale.ROOT));
        if (b.warning()) {
            box.getStyleClass().add("beat-warning");
        }
        box.setId("beat-" + b.number());
        Tooltip.install(box, new Tooltip(b.title() + "\n" + b.detail()));
        return box;
    }

    private static String icon(BeatKind kind) {
        return switch (kind) {
            case GUEST_STORE -> "mdi2p-pencil";
            case TLB_HIT -> "mdi2l-lightning-bolt";
            case WALK -> "mdi2s-stairs-down";
            case GUEST_FAULT -> "mdi2a-alert";
            case EXIT -> "mdi2l-logout";
            case EMULATE -> "mdi2c-cog";
            case SHADOW_FILL -> "mdi2p-plus-box";
            case SHADOW_UPDATE -> "mdi2p-pencil-box";
            case SHADOW_ZAP -> "mdi2e-eraser";
            case PROTECT -> "mdi2l-lock";
            case UNPROTECT -> "mdi2l-lock-open-variant";
            case ROOT_SWITCH -> "mdi2s-swap-horizontal";
            case ROOT_DROP -> "mdi2d-delete-outline";
            case EPT_FILL -> "mdi2s-server-plus";
            case ENTRY -> "mdi2l-login";
            case RESULT -> "mdi2c-check-circle";
            case MORE -> "mdi2d-dots-horizontal";
        };
    }
}
