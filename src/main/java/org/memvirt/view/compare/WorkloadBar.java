package org.memvirt.view.compare;

import java.util.List;
import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.view.ChoiceToggles;
import org.memvirt.view.WholeWords;
import org.memvirt.viewmodel.compare.Figures;
import org.memvirt.viewmodel.compare.Workload;
import org.memvirt.viewmodel.compare.WorkloadKnobs;
import org.memvirt.viewmodel.compare.WorkloadParams;

/** The workload picker, what the workload does, and the knobs that tune it. */
final class WorkloadBar extends VBox {
    private final Label description = new Label();
    private final Button restore = new Button("Tuned: restore", new FontIcon("mdi2r-restore"));
    private final VBox picker;
    private final HBox top;
    private final VBox stacked = new VBox(4);
    private final HBox pickerRow = new HBox(14);

    WorkloadBar(WorkloadKnobs knobs) {
        getStyleClass().add("settings-bar");
        setId("workload-bar");
        setSpacing(6);

        var workloads = new ChoiceToggles<>("workload", knobs.workloadProperty(), List.of(Workload.values()),
                Workload::title, w -> w.name().replace('_', '-'));
        description.setId("workload-description");
        description.getStyleClass().add("workload-description");
        description.textProperty().bind(knobs.descriptionProperty());
        description.setWrapText(true);
        WholeWords.keep(description);
        description.setPrefWidth(0);
        description.setMaxWidth(Double.MAX_VALUE);
        description.managedProperty().bind(description.visibleProperty());
        Tooltip descriptionTip = new Tooltip();
        descriptionTip.textProperty().bind(knobs.descriptionProperty());
        descriptionTip.setWrapText(true);
        descriptionTip.setMaxWidth(600);
        description.setTooltip(descriptionTip);
        HBox.setHgrow(description, Priority.ALWAYS);
        restore.setId("restore-workload");
        restore.getStyleClass().add("restore-button");
        restore.setOnAction(e -> knobs.restore());
        restore.visibleProperty().bind(knobs.tunedProperty());
        restore.managedProperty().bind(restore.visibleProperty());
        restore.setTooltip(new Tooltip("You moved a knob: put them all back to this workload's values"));
        picker = group("Workload", workloads);
        top = new HBox(14, picker, description, restore);
        top.setAlignment(Pos.CENTER_LEFT);
        pickerRow.setAlignment(Pos.BOTTOM_LEFT);

        KnobSlider pages = new KnobSlider("pages", "Working set", knobs.pagesProperty(), 1,
                WorkloadParams.MAX_PAGES, 1, n -> Figures.plural(n, "page", "pages"),
                "Distinct 4 KiB pages read round-robin; the TLB holds 64 translations");
        KnobSlider reads = new KnobSlider("accesses", "Reads", knobs.accessesProperty(), 64,
                WorkloadParams.MAX_ACCESSES, 64, n -> Figures.count(n), "How many reads the trace makes");
        KnobSlider switches = new KnobSlider("switch-every", "Context switch", knobs.switchEveryProperty(), 0,
                128, 1, n -> n == 0 ? "never" : "every " + Figures.plural(n, "read", "reads"),
                "Two processes take turns: the guest writes CR3 every this many reads (0: one process only)");
        KnobSlider updates = new KnobSlider("update-every", "PTE update", knobs.updateEveryProperty(), 0, 128, 1,
                n -> n == 0 ? "never" : "every " + Figures.plural(n, "read", "reads"),
                "The guest kernel rewrites a PTE (and INVLPGs it) every this many reads (0: never)");
        CheckBox tlb = new CheckBox("TLB on");
        tlb.setId("tlb");
        tlb.selectedProperty().bindBidirectional(knobs.tlbProperty());
        tlb.setTooltip(new Tooltip("A 64-entry TLB: a hit needs no walk at all, in any mode"));
        var roots = new ChoiceToggles<>("roots", knobs.shadowRootsProperty(), List.of(1, 2, 3, 4),
                String::valueOf, String::valueOf);
        Tooltip.install(roots, new Tooltip("Shadow roots the hypervisor keeps, one per guest CR3: 1 drops the shadow "
                + "tables on every switch, 4 is KVM's default (current + 3 previous)"));

        FlowPane row = new FlowPane(18, 6, pages, reads, switches, updates, group("TLB", tlb),
                group("Shadow roots", roots));
        row.setAlignment(Pos.CENTER_LEFT);
        row.setId("knobs");
        getChildren().addAll(top, row);
    }

    /** Density of the Compare screen: from level 1 the workload's description goes (its tooltip keeps it). */
    void density(int level) {
        description.setVisible(level < 1);
    }

    /** Narrow: the description goes under the picker, across the whole width. */
    void setNarrow(boolean narrow) {
        if (narrow && getChildren().get(0) == top) {
            top.getChildren().clear();
            pickerRow.getChildren().setAll(picker, restore);
            stacked.getChildren().setAll(pickerRow, description);
            getChildren().set(0, stacked);
        } else if (!narrow && getChildren().get(0) == stacked) {
            stacked.getChildren().clear();
            pickerRow.getChildren().clear();
            top.getChildren().setAll(picker, description, restore);
            getChildren().set(0, top);
        }
    }

    static VBox group(String title, Node control) {
        Label l = new Label(title.toUpperCase(Locale.ROOT));
        l.getStyleClass().add("setting-label");
        VBox box = new VBox(3, l, control);
        box.getStyleClass().add("setting-group");
        return box;
    }
}
