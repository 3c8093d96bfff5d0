package org.memvirt.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.memvirt.engine.Action;
import org.memvirt.engine.BackingInvariant;
import org.memvirt.engine.Machine;
import org.memvirt.engine.MachineSnapshot;
import org.memvirt.engine.event.Translated;
import org.memvirt.engine.host.HypervisorStyle;
import org.memvirt.engine.memory.MemoryReader;
import org.memvirt.engine.memory.Page;
import org.memvirt.engine.mmu.AccessKind;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.mmu.Privilege;
import org.memvirt.engine.paging.EptEntry;
import org.memvirt.engine.paging.Levels;
import org.memvirt.engine.paging.PageSize;
import org.memvirt.engine.vmm.Hypervisor;
import org.memvirt.lesson.yaml.YamlLimits;
import org.memvirt.lesson.yaml.YamlTreeReader;

/**
 * "Nothing lost" on every shipped lesson: the backing invariants hold after every step, and on
 * a KVM machine the EPT is a cache — clearing the EPT entry of every backed page of the running
 * lesson and touching the pages again maps the same frames back, with the same contents, and
 * allocates no frame.
 */
class GuestRamIsACacheTest {

    static Stream<Path> lessons() {
        return ShippedLessons.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void backingInvariantsHoldAfterEveryStep(Path file) throws Exception {
        List<String> problems = new ArrayList<>();
        LessonLoad load = new LessonLoader().load(file.toString(), Files.readString(file),
                AssetFolder.directory(file.getParent()), (position, snapshot) -> {
                    for (String p : BackingInvariant.violations(snapshot)) {
                        problems.add("after step " + position + ": " + p);
                    }
                });
        assertTrue(load.passes(), load.allProblems().toString());
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void clearingEveryEptEntryOfARunningLessonLosesNothing(Path file) throws Exception {
        String text = Files.readString(file);
        Problems problems = new Problems(file.toString());
        var doc = new YamlTreeReader(YamlLimits.LESSONS).read(text);
        LessonBinder.Bound bound = new LessonBinder(problems, new SourceText(text),
                AssetFolder.directory(file.getParent())).bind(doc.root());
        LessonRunner runner = new LessonRunner(problems, (position, snapshot) -> { });
        PlayedLesson played = runner.run(bound.lesson(), bound.machineAt(), bound.firstBroken());
        assertNotNull(played, problems.list().toString());
        Machine machine = runner.machine();
        if (machine.config().mode() != PagingMode.NESTED || machine.config().hypervisor() != HypervisorStyle.KVM) {
            return;
        }
        if (machine.config().hostPage() != PageSize.SIZE_4K) {
            return;
        }
        Set<String> touched = new LinkedHashSet<>();
        MachineSnapshot end = machine.snapshot();
        for (PlayedStep s : played.steps()) {
            for (var e : s.result().events()) {
                if (e instanceof Translated t && s.result().snapshot().vm(t.vm()).currentPid()
                        == end.vm(t.vm()).currentPid()) {
                    touched.add(t.vm() + ":" + t.gva());
                }
            }
        }
        Map<String, Long> firstPass = touchAll(machine, touched);
        MachineSnapshot before = machine.snapshot();
        Map<String, Page> contents = new LinkedHashMap<>();
        int zapped = 0;
        for (int vm : machine.vmIds()) {
            for (long gpa : backedPages(before, vm)) {
                long hpa = EptEntry.address(eptLeaf(before.memory(), before.config().hostLevels(),
                        before.vm(vm).eptRoot(), gpa), 1);
                contents.put(vm + ":" + gpa, before.memory().page((int) (hpa >>> 12)));
                machine.step(new Action.WriteEptEntry(vm, gpa, 1, 0));
                zapped++;
            }
        }
        assertTrue(zapped > 0, "the lesson backs some guest memory");
        int usedBefore = before.memory().usedFrames();
        assertEquals(firstPass, touchAll(machine, touched), "a page came back in another frame");
        MachineSnapshot after = machine.snapshot();
        assertEquals(usedBefore, after.memory().usedFrames(), "refaulting allocated or freed frames");
        assertEquals(List.of(), BackingInvariant.violations(after));
        for (Map.Entry<String, Page> c : contents.entrySet()) {
            String[] part = c.getKey().split(":");
            int vm = Integer.parseInt(part[0]);
            long gpa = Long.parseLong(part[1]);
            long hpa = hostAddress(after, vm, gpa);
            assertTrue(hpa >= 0, "GPA 0x" + Long.toHexString(gpa) + " of VM " + vm + " lost its frame");
            assertTrue(c.getValue().sameContents(after.memory().page((int) (hpa >>> 12))),
                    "GPA 0x" + Long.toHexString(gpa) + " of VM " + vm + " changed");
        }
    }

    /** Reads every {@code vm:gva} and returns where each read landed. */
    private static Map<String, Long> touchAll(Machine machine, Set<String> touched) {
        Map<String, Long> landed = new LinkedHashMap<>();
        for (String key : touched) {
            String[] part = key.split(":");
            var r = machine.step(new Action.Access(Integer.parseInt(part[0]), Long.parseLong(part[1]), AccessKind.READ,
                    Privilege.USER, 0));
            for (var e : r.events()) {
                if (e instanceof Translated t) {
                    landed.put(key, t.hpa());
                }
            }
        }
        return landed;
    }

    /** Guest pages the EPT maps with 4 KiB leaves (MMIO markers left out). */
    private static List<Long> backedPages(MachineSnapshot s, int vm) {
        List<Long> pages = new ArrayList<>();
        long ram = s.vm(vm).ramBytes();
        for (long gpa = 0; gpa < ram; gpa += 4096) {
            long leaf = eptLeaf(s.memory(), s.config().hostLevels(), s.vm(vm).eptRoot(), gpa);
            if (EptEntry.present(leaf) && EptEntry.rwx(leaf) != Hypervisor.MMIO_RIGHTS) {
                pages.add(gpa);
            }
        }
        return pages;
    }

    private static long hostAddress(MachineSnapshot s, int vm, long gpa) {
        long leaf = eptLeaf(s.memory(), s.config().hostLevels(), s.vm(vm).eptRoot(), gpa);
        if (EptEntry.present(leaf)) {
            return EptEntry.address(leaf, 1);
        }
        var process = s.hostProcess(vm);
        long hva = process.memslot(gpa).hva(gpa);
        long table = process.pageTableRoot();
        for (int level = 4; level >= 1; level--) {
            long e = s.memory().readWord(table + 8L * Levels.index(hva, level));
            if ((e & 1) == 0) {
                return -1;
            }
            table = e & EptEntry.ADDRESS_MASK;
        }
        return table;
    }

    private static long eptLeaf(MemoryReader mem, int levels, long root, long gpa) {
        long table = root;
        for (int level = levels; level >= 1; level--) {
            long e = mem.readWord(table + 8L * Levels.index(gpa, level));
            if (!EptEntry.present(e) || EptEntry.isLeaf(e, level)) {
                return level == 1 ? e : 0;
            }
            table = EptEntry.address(e, level);
        }
        return 0;
    }
}
