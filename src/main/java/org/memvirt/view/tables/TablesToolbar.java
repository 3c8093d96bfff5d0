package org.memvirt.view.tables;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.viewmodel.tables.ProcessChoice;
import org.memvirt.viewmodel.tables.TablesViewModel;

/** Which VM, which process, and whether to open every present entry. */
final class TablesToolbar extends FlowPane {

    TablesToolbar(TablesViewModel viewModel) {
        getStyleClass().add("tables-toolbar");
        setId("tables-toolbar");
        setAlignment(Pos.CENTER_LEFT);
        setHgap(14);
        setVgap(6);

        Label vmLabel = settingLabel("VM");
        HBox vms = new HBox();
        vms.getStyleClass().add("choice-row");
        ToggleGroup vmGroup = new ToggleGroup();
        Runnable rebuildVms = () -> rebuild(vms, vmGroup, viewModel.vmIds(), viewModel.selectedVmProperty(),
                id -> "vm-" + id, id -> id == 0 ? "Native" : "VM " + id, id -> null, id -> null);
        viewModel.vmIds().addListener((ListChangeListener<Integer>) c -> rebuildVms.run());
        rebuildVms.run();
        follow(vmGroup, viewModel.selectedVmProperty());

        Label processLabel = settingLabel("PROCESS");
        HBox processes = new HBox();
        processes.getStyleClass().add("choice-row");
        ToggleGroup processGroup = new ToggleGroup();
        ObjectProperty<Integer> pid = viewModel.selectedPidProperty();
        Runnable rebuildProcesses = () -> rebuild(processes, processGroup,
                viewModel.processes().stream().map(ProcessChoice::pid).toList(), pid, p -> "process-" + p,
                p -> choice(viewModel, p).label(), p -> choice(viewModel, p).detail(),
                p -> choice(viewModel, p).current() ? "mdi2p-play" : null);
        viewModel.processes().addListener((ListChangeListener<ProcessChoice>) c -> rebuildProcesses.run());
        rebuildProcesses.run();
        follow(processGroup, pid);

        CheckBox showAll = new CheckBox("Show all present entries");
        showAll.setId("show-all");
        showAll.setMnemonicParsing(false);
        showAll.setTooltip(new Tooltip("Open every present entry, not only those on the path of the followed address"
                + " or touched by this step (long tables stay folded)"));
        showAll.selectedProperty().bindBidirectional(viewModel.showAllProperty());

        showAll.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(group(vmLabel, vms), group(processLabel, processes), showAll);
    }

    private static ProcessChoice choice(TablesViewModel viewModel, int pid) {
        return viewModel.processes().stream().filter(p -> p.pid() == pid).findFirst()
                .orElse(new ProcessChoice(pid, 0, false, "Process " + pid, ""));
    }

    /** A setting's name and its choices, kept on one line (the toolbar wraps between settings). */
    private static FlowPane group(Label name, Region choices) {
        FlowPane g = new FlowPane(8, 4, name, choices);
        g.setAlignment(Pos.CENTER_LEFT);
        return g;
    }

    private static Label settingLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("setting-label");
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static <T> void rebuild(HBox box, ToggleGroup group, List<T> values, ObjectProperty<T> selected,
                                    Function<T, String> id, Function<T, String> text, Function<T, String> tooltip,
                                    Function<T, String> icon) {
        box.getChildren().clear();
        group.getToggles().clear();
        for (int i = 0; i < values.size(); i++) {
            T value = values.get(i);
            ToggleButton b = new ToggleButton(text.apply(value));
            b.setId(id.apply(value));
            b.setUserData(value);
            b.setToggleGroup(group);
            b.setMnemonicParsing(false);
            b.setMinWidth(Region.USE_PREF_SIZE);
            String tip = tooltip.apply(value);
            if (tip != null) {
                b.setTooltip(new Tooltip(tip));
            }
            String iconCode = icon.apply(value);
            if (iconCode != null) {
                FontIcon f = new FontIcon(iconCode);
                f.getStyleClass().add("running-icon");
                b.setGraphic(f);
            }
            b.getStyleClass().add(values.size() == 1 ? "single" : i == 0 ? "left-pill"
                    : i == values.size() - 1 ? "right-pill" : "center-pill");
            box.getChildren().add(b);
            if (Objects.equals(value, selected.get())) {
                b.setSelected(true);
            }
        }
    }

    /** Keeps a toggle group and a property in step both ways; the choice never becomes empty. */
    private static <T> void follow(ToggleGroup group, ObjectProperty<T> property) {
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                if (old != null && group.getToggles().contains(old)) {
                    group.selectToggle(old);
                }
                return;
            }
            @SuppressWarnings("unchecked")
            T chosen = (T) now.getUserData();
            if (!Objects.equals(chosen, property.get())) {
                property.set(chosen);
            }
        });
        property.addListener((obs, old, now) -> {
            for (Toggle t : group.getToggles()) {
                if (Objects.equals(t.getUserData(), now)) {
                    group.selectToggle(t);
                    return;
                }
            }
        });
    }
}
