package org.memvirt.view.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.memvirt.viewmodel.memory.CounterRow;
import org.memvirt.viewmodel.memory.FrameCategory;
import org.memvirt.viewmodel.memory.HostMemoryViewModel;
import org.memvirt.viewmodel.memory.Looks;
import org.memvirt.viewmodel.memory.SummaryLine;
import org.memvirt.viewmodel.memory.VmCard;

/**
 * The side of the memory screen: what this step did, the free-memory state, host memory over the
 * steps, the counters with their change, and each VM's figures side by side (balloon, swap,
 * shares, f, ρ), the VM memory is taken from first marked.
 */
final class MemorySidePanel extends VBox {
    private static final PseudoClass PLAYING = PseudoClass.getPseudoClass("playing");

    private final VBox summary = new VBox(4);
    private final GridPane counters = new GridPane();
    private final GridPane vms = new GridPane();
    private final List<Label> counterValues = new ArrayList<>();
    private final List<Label> counterDeltas = new ArrayList<>();
    private final Map<Integer, Label[]> figureValues = new HashMap<>();
    private final Map<Integer, Label> lowestMarks = new HashMap<>();
    private final Map<Integer, ImageView> vmSwatches = new HashMap<>();
    private final MemoryTheme theme;
    private List<Integer> vmIds = List.of();

    MemorySidePanel(HostMemoryViewModel viewModel, MemoryMapPane map, MemoryTheme theme) {
        this.theme = theme;
        getStyleClass().add("memory-side");
        setId("memory-side");
        setSpacing(8);
        summary.setId("step-summary");
        summary.getStyleClass().add("step-summary");
        counters.setId("counters");
        counters.getStyleClass().add("counters");
        counters.setHgap(8);
        counters.setVgap(2);
        vms.setId("vm-figures");
        vms.getStyleClass().add("vm-figures");
        vms.setHgap(10);
        vms.setVgap(2);

        FreeMemoryChart chart = new FreeMemoryChart(viewModel, theme);
        Label chartHint = new Label();
        chartHint.setId("chart-readout");
        chartHint.getStyleClass().add("hint");
        chartHint.setWrapText(true);
        chartHint.setMinHeight(Label.USE_PREF_SIZE);
        chartHint.textProperty().bind(chart.readoutProperty());
        getChildren().addAll(
                title("This step", "mdi2i-information-outline"), summary,
                title("Host free memory", "mdi2g-gauge"), new StateGauge(viewModel, theme),
                title("Each VM", "mdi2s-server"), vms, symbolLegend(),
                title("Host memory over the steps", "mdi2c-chart-line"), chart, chartHint,
                title("Counters", "mdi2c-counter"), counters);

        viewModel.summary().addListener((ListChangeListener<SummaryLine>) c -> showSummary(viewModel.summary()));
        viewModel.counters().addListener((ListChangeListener<CounterRow>) c -> showCounters(viewModel.counters()));
        viewModel.vmCards().addListener((ListChangeListener<VmCard>) c -> showVms(viewModel.vmCards()));
        map.phaseProperty().addListener((obs, old, now) -> markPlaying(viewModel, now.intValue()));
        theme.onChange(() -> vmSwatches.forEach((vm, swatch) -> swatch.setImage(vmSwatch(vm))));
        showSummary(viewModel.summary());
        showCounters(viewModel.counters());
        showVms(viewModel.vmCards());
    }

    /** One line per letter of the idle memory tax under the figures: "ρ  shares per page, lower is reclaimed first". */
    private static VBox symbolLegend() {
        VBox legend = new VBox(1);
        legend.setId("vm-symbols");
        legend.getStyleClass().add("vm-symbols");
        for (VmCard.Figure f : VmCard.symbols()) {
            Label symbol = new Label(f.label());
            symbol.getStyleClass().addAll("vm-symbol", "mono");
            symbol.setMinWidth(Region.USE_PREF_SIZE);
            Label words = new Label(f.value());
            words.getStyleClass().add("vm-symbol-words");
            words.setWrapText(true);
            words.setMinHeight(Region.USE_PREF_SIZE);
            words.setTooltip(new Tooltip(f.hint()));
            HBox line = new HBox(6, symbol, words);
            line.setAlignment(Pos.TOP_LEFT);
            legend.getChildren().add(line);
        }
        return legend;
    }

    private static Label title(String text, String icon) {
        Label l = new Label(text.toUpperCase(java.util.Locale.ROOT), new FontIcon(icon));
        l.getStyleClass().add("section-title");
        return l;
    }

    private void showSummary(List<SummaryLine> lines) {
        summary.getChildren().clear();
        for (SummaryLine line : lines) {
            Label l = new Label(line.text(), new FontIcon(icon(line.topic())));
            l.getStyleClass().addAll("summary-line", "topic-" + line.topic().name().toLowerCase(java.util.Locale.ROOT));
            l.setWrapText(true);
            l.setMinHeight(Label.USE_PREF_SIZE);
            l.setUserData(line);
            summary.getChildren().add(l);
        }
    }

    /** While a phase plays, its line in the summary stands out. */
    private void markPlaying(HostMemoryViewModel viewModel, int phase) {
        var update = viewModel.updateProperty().get();
        String caption = phase < 0 || update == null || update.animation() == null
                || phase >= update.animation().phases().size() ? null
                : update.animation().phases().get(phase).caption();
        summary.getChildren().forEach(n -> n.pseudoClassStateChanged(PLAYING,
                caption != null && n.getUserData() instanceof SummaryLine s && s.text().equals(caption)));
    }

    private static String icon(SummaryLine.Topic topic) {
        return switch (topic) {
            case BACKING -> "mdi2m-memory-arrow-down";
            case SHARING -> "mdi2c-call-merge";
            case COPY_ON_WRITE -> "mdi2c-call-split";
            case BALLOON -> "mdi2b-balloon";
            case SWAP -> "mdi2h-harddisk";
            case HOST -> "mdi2s-server";
            case NET -> "mdi2s-swap-vertical";
        };
    }

    private void showCounters(List<CounterRow> rows) {
        if (counterValues.size() != rows.size()) {
            buildCounters(rows);
        }
        for (int i = 0; i < rows.size(); i++) {
            CounterRow r = rows.get(i);
            counterValues.get(i).setText(r.valueText());
            Label delta = counterDeltas.get(i);
            delta.setText(r.deltaText());
            delta.getStyleClass().removeAll("up", "down");
            delta.getStyleClass().add(r.delta() > 0 ? "up" : "down");
        }
    }

    private void buildCounters(List<CounterRow> rows) {
        counters.getChildren().clear();
        counterValues.clear();
        counterDeltas.clear();
        counters.getColumnConstraints().setAll(column(false), column(true), column(true), column(false),
                column(true), column(true));
        for (int i = 0; i < rows.size(); i++) {
            CounterRow r = rows.get(i);
            int col = (i % 2) * 3;
            int row = i / 2;
            Label name = new Label(r.label());
            name.getStyleClass().add("counter-name");
            name.setTooltip(new Tooltip(r.name() + ": " + r.hint()));
            Label value = new Label();
            value.setMinWidth(Region.USE_PREF_SIZE);
            value.setId("counter-" + r.name());
            value.getStyleClass().addAll("counter-value", "mono", "key-text");
            Label delta = new Label();
            delta.getStyleClass().addAll("counter-delta", "mono");
            counters.add(name, col, row);
            counters.add(value, col + 1, row);
            counters.add(delta, col + 2, row);
            GridPane.setHalignment(value, HPos.RIGHT);
            counterValues.add(value);
            counterDeltas.add(delta);
        }
    }

    private static ColumnConstraints column(boolean number) {
        ColumnConstraints c = new ColumnConstraints();
        c.setMinWidth(number ? 30 : 60);
        c.setHgrow(number ? Priority.NEVER : Priority.SOMETIMES);
        return c;
    }

    private void showVms(List<VmCard> cards) {
        List<Integer> ids = cards.stream().map(VmCard::vm).toList();
        if (!ids.equals(vmIds)) {
            buildVms(cards);
            vmIds = ids;
        }
        for (VmCard card : cards) {
            List<VmCard.Figure> figures = card.figures();
            Label[] values = figureValues.get(card.vm());
            for (int r = 0; r < figures.size(); r++) {
                values[r].setText(figures.get(r).value());
            }
            Label lowest = lowestMarks.get(card.vm());
            lowest.setVisible(card.lowestRho());
            lowest.setId(card.lowestRho() ? "lowest-rho" : null);
        }
    }

    private void buildVms(List<VmCard> cards) {
        vms.getChildren().clear();
        figureValues.clear();
        lowestMarks.clear();
        vmSwatches.clear();
        if (cards.isEmpty()) {
            return;
        }
        List<VmCard.Figure> labels = cards.get(0).figures();
        for (int r = 0; r < labels.size(); r++) {
            Label l = new Label(labels.get(r).label());
            l.getStyleClass().add("figure-name");
            l.setTooltip(new Tooltip(labels.get(r).hint()));
            vms.add(l, 0, r + 1);
        }
        for (int c = 0; c < cards.size(); c++) {
            VmCard card = cards.get(c);
            ImageView swatch = new ImageView(vmSwatch(card.vm()));
            vmSwatches.put(card.vm(), swatch);
            Label head = new Label(card.title(), swatch);
            head.setId("vm-head-" + card.vm());
            head.getStyleClass().add("vm-head");
            Label ram = new Label(card.subtitle());
            ram.getStyleClass().add("vm-subtitle");
            ram.setTooltip(new Tooltip(card.title() + ": " + card.ram() + " of RAM"));
            Label lowest = new Label("min ρ", new FontIcon("mdi2a-arrow-down-bold"));
            lowest.getStyleClass().add("lowest-rho");
            lowest.setTooltip(new Tooltip("Under pressure the host takes memory from this VM first"));
            VBox headBox = new VBox(1, head, ram, lowest);
            headBox.setAlignment(Pos.TOP_RIGHT);
            vms.add(headBox, c + 1, 0);
            lowestMarks.put(card.vm(), lowest);
            List<VmCard.Figure> figures = card.figures();
            Label[] values = new Label[figures.size()];
            for (int r = 0; r < figures.size(); r++) {
                Label v = new Label();
                v.setMinWidth(Region.USE_PREF_SIZE);
                v.getStyleClass().addAll("figure-value", "mono", "key-text");
                v.setId("vm" + card.vm() + "-figure-" + r);
                vms.add(v, c + 1, r + 1);
                GridPane.setHalignment(v, HPos.RIGHT);
                values[r] = v;
            }
            figureValues.put(card.vm(), values);
        }
    }

    /** A VM's data shade, as the map paints it. */
    private Image vmSwatch(int vm) {
        return Raster.swatch(theme.palette(), Looks.frame(FrameCategory.DATA, vm), (int) Math.round(14 * theme.scale()),
                false);
    }
}
