package org.memvirt.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The UI executor of view models made before the JavaFX toolkit is up: work handed to it waits
 * until {@link #open} names the real UI executor (once the toolkit has started), then runs there
 * in the order it came. The lesson is read while the toolkit starts, and its result must not
 * reach {@code Platform.runLater} before the toolkit exists.
 */
final class StartGate implements Executor {
    private final List<Runnable> waiting = new ArrayList<>();
    private Executor ui;

    @Override
    public void execute(Runnable task) {
        Executor target;
        synchronized (this) {
            if (ui == null) {
                waiting.add(task);
                return;
            }
            target = ui;
        }
        target.execute(task);
    }

    /** From now on work runs on {@code ui}; what waited goes first. */
    void open(Executor ui) {
        List<Runnable> held;
        synchronized (this) {
            this.ui = ui;
            held = List.copyOf(waiting);
            waiting.clear();
        }
        held.forEach(ui::execute);
    }
}
