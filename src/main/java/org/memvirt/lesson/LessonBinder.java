package org.memvirt.lesson;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.MachineConfig;
import org.memvirt.engine.mmu.MmuConfig;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.lesson.yaml.YamlNode;

/**
 * Binds a lesson's YAML tree to a {@link Lesson}, collecting every error rather than stopping
 * at the first. What could be bound is returned even when there are errors, so the machine can
 * still run the lesson and report what the engine contradicts.
 */
final class LessonBinder {
    private static final List<String> KEYS = List.of("title", "summary", "seed", "answerBeforeNext", "machine", "initial",
            "chapters");

    /**
     * The result of binding.
     *
     * @param lesson      the lesson as far as it could be bound
     * @param runnable    whether the machine and its initial state are sound enough to run
     * @param firstBroken the number of the first step that could not be bound, or MAX_VALUE
     * @param machineAt   where the machine is written
     */
    record Bound(Lesson lesson, boolean runnable, int firstBroken, SourceLocation machineAt) {
    }

    private final Problems problems;
    private final SourceText source;
    private final AssetFolder assets;

    LessonBinder(Problems problems, SourceText source, AssetFolder assets) {
        this.problems = problems;
        this.source = source;
        this.assets = assets;
    }

    Bound bind(YamlNode root) {
        Fields f = Fields.of(root, "a lesson", problems, KEYS);
        String title = f.require("title") ? f.text("title", "") : "";
        String summary = f.text("summary", "");
        long seed = f.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, 1);
        boolean answerBeforeNext = f.bool("answerBeforeNext", false);
        int before = problems.count();
        MachineBinder.Bound machine;
        if (f.require("machine")) {
            machine = new MachineBinder(problems).bind(f.node("machine"), seed);
        } else {
            machine = new MachineBinder.Bound(null, new Topology(false,
                    List.of(new VmSetup(1, "vm1", 64L << 20, List.of("p1"), 1))));
        }
        MachineConfig config = machine.config() != null ? machine.config() : fallback(machine.topology(), seed);
        Addresses addresses = new Addresses(problems, config);
        List<MappingSetup> mappings = new SetupBinder(problems, machine.topology(), config, addresses)
                .bind(f.node("initial"));
        boolean runnable = machine.config() != null && problems.count() == before;
        StepBinder steps = new StepBinder(problems, source,
                new StepContext(problems, machine.topology(), addresses, config.hostLevels()), assets);
        List<Chapter> chapters = f.require("chapters") ? steps.bind(f.node("chapters")) : new ArrayList<>();
        Lesson lesson = new Lesson(problems.file(), title, summary, config, machine.topology().vms(), mappings,
                chapters, answerBeforeNext);
        return new Bound(lesson, runnable, steps.firstBroken(), problems.where(f.keyAt("machine")));
    }

    /** A stand-in machine for checking the steps of a lesson whose machine has errors. */
    private static MachineConfig fallback(Topology topology, long seed) {
        PagingMode mode = topology.nativeMode() ? PagingMode.NATIVE : PagingMode.NESTED;
        List<Long> ram = topology.nativeMode() ? List.of() : topology.vms().stream().map(v -> 64L << 20).toList();
        return new MachineConfig(mode, 4, 4, PageSize.SIZE_4K, MmuConfig.defaults(), false, false, false, 16384, seed,
                ram);
    }
}
