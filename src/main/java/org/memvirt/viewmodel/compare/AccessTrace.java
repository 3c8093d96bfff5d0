package org.memvirt.viewmodel.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * The one trace all three machines play: reads spread round-robin over the working set, with a
 * context switch before every {@code switchEvery}-th read and a PTE update plus INVLPG before
 * every {@code updateEvery}-th read. The page updated is the one about to be read, so the next
 * read shows what the update cost.
 *
 * @param params what it was made from
 * @param steps  the steps in order
 */
public record AccessTrace(WorkloadParams params, List<TraceStep> steps) {
    public AccessTrace {
        steps = List.copyOf(steps);
    }

    /** The trace {@code params} describe. */
    public static AccessTrace of(WorkloadParams params) {
        List<TraceStep> steps = new ArrayList<>();
        boolean[][] onSpare = new boolean[params.processes()][params.pages()];
        int process = 1;
        for (int i = 0; i < params.accesses(); i++) {
            int page = i % params.pages();
            if (params.switchEvery() > 0 && i > 0 && i % params.switchEvery() == 0) {
                process = process % params.processes() + 1;
                steps.add(new TraceStep.SwitchProcess(process));
            }
            if (params.updateEvery() > 0 && i > 0 && i % params.updateEvery() == 0) {
                boolean[] mine = onSpare[process - 1];
                mine[page] = !mine[page];
                steps.add(new TraceStep.UpdatePte(page, process, mine[page]));
                steps.add(new TraceStep.InvalidatePage(page));
            }
            steps.add(new TraceStep.ReadPage(page, process));
        }
        return new AccessTrace(params, steps);
    }

    public int size() {
        return steps.size();
    }

    /** Step {@code k}, from 0. */
    public TraceStep step(int k) {
        return steps.get(k);
    }
}
