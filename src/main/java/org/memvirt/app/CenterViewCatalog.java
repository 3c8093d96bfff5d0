package org.memvirt.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.util.Duration;

import org.memvirt.view.WalkView;
import org.memvirt.view.compare.CompareView;
import org.memvirt.view.memory.HostMemoryView;
import org.memvirt.view.tables.TablesView;
import org.memvirt.view.shell.CenterView;
import org.memvirt.view.shell.LessonWindow;
import org.memvirt.viewmodel.StepFrame;
import org.memvirt.viewmodel.WalkScenario;
import org.memvirt.viewmodel.WalkSettings;
import org.memvirt.viewmodel.WalkViewModel;
import org.memvirt.viewmodel.compare.CompareViewModel;
import org.memvirt.viewmodel.memory.HostMemoryViewModel;
import org.memvirt.viewmodel.shell.LessonWindowViewModel;
import org.memvirt.viewmodel.shell.Speed;
import org.memvirt.viewmodel.tables.TablesViewModel;

/**
 * The views in the middle of the lesson window, in tab order: Walk, Tables, Host memory, Compare,
 * Walk explorer. Each lesson view binds its view model's frame to the window's current step.
 *
 * <p>Each view and its view model are made when its tab is first shown (nothing of them before the
 * window's first frame); the view model then binds to the lesson's current frame and follows it.
 */
final class CenterViewCatalog {
    private CenterViewCatalog() {
    }

    static List<CenterView> views(LessonWindowViewModel vm, Duration perReference, WalkSettings explorerSettings) {
        List<CenterView> views = new ArrayList<>();
        views.add(LessonWindow.walkView(vm, perReference));
        tables(vm, perReference).ifPresent(views::add);
        hostMemory(vm, perReference).ifPresent(views::add);
        compare(perReference).ifPresent(views::add);
        views.add(walkExplorer(perReference, explorerSettings));
        return views;
    }

    /** Tables: guest, EPT and shadow tables of the step, following the lesson (made when first shown). */
    static Optional<CenterView> tables(LessonWindowViewModel vm, Duration animation) {
        return Optional.of(new CenterView("Tables", "tables", () -> {
            TablesViewModel t = new TablesViewModel();
            t.frameProperty().bind(vm.frameProperty());
            return animation.greaterThan(Duration.ZERO) ? new TablesView(t) : new TablesView(t, Duration.ZERO);
        }, true));
    }

    /**
     * Host memory: the frame map and its history, following the lesson (made when first shown); its
     * own step buttons and chart clicks move the lesson.
     */
    static Optional<CenterView> hostMemory(LessonWindowViewModel vm, Duration animation) {
        return Optional.of(new CenterView("Host memory", "host-memory", () -> {
            HostMemoryViewModel m = new HostMemoryViewModel();
            m.history().setAll(vm.frames());
            vm.frames().addListener((ListChangeListener<StepFrame>) c -> m.history().setAll(vm.frames()));
            m.frameProperty().bind(vm.frameProperty());
            m.setOnSeek(vm::jumpTo);
            m.fastProperty().bind(vm.presenter().speedProperty().isEqualTo(Speed.FAST));
            HostMemoryView view = animation.greaterThan(Duration.ZERO) ? new HostMemoryView(m)
                    : new HostMemoryView(m, Duration.ZERO);
            view.animationSpeedProperty().bind(Bindings.createDoubleBinding(() -> vm.presenter().getSpeed().factor(),
                    vm.presenter().speedProperty()));
            return view;
        }, true));
    }

    /** Compare: native, nested and shadow paging on one workload (its own runs; not tiled with the lesson). */
    static Optional<CenterView> compare(Duration animation) {
        return Optional.of(new CenterView("Compare", "compare", () -> animation.greaterThan(Duration.ZERO)
                ? new CompareView(new CompareViewModel()) : new CompareView(new CompareViewModel(), Duration.ZERO),
                false));
    }

    /** The stand-alone walk explorer, made when its tab is first shown. */
    static CenterView walkExplorer(Duration perReference, WalkSettings settings) {
        return new CenterView("Walk explorer", "walk-explorer", () -> {
            WalkView v = new WalkView(new WalkViewModel(new WalkScenario(), settings), perReference);
            v.setId("walk-explorer-view");
            return v;
        }, false);
    }
}
