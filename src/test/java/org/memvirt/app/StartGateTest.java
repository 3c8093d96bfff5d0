package org.memvirt.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Work given before the toolkit is up waits, then runs in order on the UI executor. */
class StartGateTest {
    @Test
    void workWaitsForTheGateThenRunsInOrderAndLaterWorkGoesStraightThrough() {
        List<String> ran = new ArrayList<>();
        List<Runnable> ui = new ArrayList<>();
        StartGate gate = new StartGate();

        gate.execute(() -> ran.add("lesson read"));
        gate.execute(() -> ran.add("lesson played"));
        assertEquals(List.of(), ran, "nothing runs before the toolkit");

        gate.open(ui::add);
        gate.execute(() -> ran.add("reload"));
        ui.forEach(Runnable::run);

        assertEquals(List.of("lesson read", "lesson played", "reload"), ran);
    }
}
