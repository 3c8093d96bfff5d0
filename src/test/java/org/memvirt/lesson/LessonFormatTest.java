package org.memvirt.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.paging.PageSize;

/** What the format documents works as documented (docs/lesson-format.md). */
class LessonFormatTest {
    /** A small lesson that takes every reclamation action once (also a source of mutants). */
    static final String RECLAIM = """
                title: Reclaim
                machine:
                  mode: nested
                  hostMemory: 32M
                  demandPaging: true
                  reclaim: {swapPolicy: fifo, sharing: esx, taxRate: 0.75, deflateOnOom: false}
                  vms:
                    - {name: a, memory: 16M, processes: [p], shares: 2000}
                    - {name: b, memory: 16M, processes: [q]}
                initial:
                  mappings:
                    - {vm: a, gva: 0x1000_0000, count: 16}
                    - {vm: b, gva: 0x1000_0000, count: 16}
                chapters:
                  - title: c
                    steps:
                      - touch: {vm: a, gva: 0x1000_0000, pages: 16, kind: write}
                        expect: {hiddenFaults: 16, hostFramesUsed: 16}
                      - touch: {vm: b, gva: 0x1000_0000, pages: 16}
                      - hostSwapOut: {vm: a, pages: 4}
                        expect: {swapOuts: 4, hostFramesUsed: -4}
                      - guestSwapOut: {vm: b, pages: 2}
                      - balloonTarget: {vm: a, pages: 8}
                        expect: {balloonPages: 8}
                      - shareScan: 1
                      - sampleActivity:
                      - hostPressure: 50
                      - hostRelease: 50
                """;


    private static PlayedLesson play(String text) {
        LessonLoad load = new LessonLoader().load("f.yaml", text, AssetFolder.none());
        assertEquals(List.of(), load.allProblems());
        return load.played();
    }

    private static final String NESTED = """
            title: Features
            machine:
              mode: nested
              hostMemory: 32M
              demandPaging: true
              tlb: {entries: 16, ways: 4}
              walkCache: {entries: 8, nestedTlbEntries: 16}
              vms:
                - {name: web, memory: 32M, processes: [nginx, cron], running: cron}
                - {name: db, memory: 16M, processes: [postgres]}
            initial:
              mappings:
                - {vm: web, process: nginx, gva: 0x1000_0000, count: 3, backed: true,
                   contents: {fill: 0x100, step: 8, at: 16, words: [7, 8], text: "hi"}}
                - {vm: web, process: cron, gva: 0x2000_0000, samePageAs: {process: nginx, gva: 0x1000_1000}}
                - {vm: db, gva: 0x4000_0000, size: 2M, backed: [0x1000]}
            chapters:
              - title: One
                steps:
                  - &webRead {read: {vm: web, gva: 0x2000_0010}, expect: {vmExits: 0}}
                  - {<<: *webRead, narration: "{{literal}} {hpa} {total.accesses}"}
                  - read: {vm: db, gva: 0x4000_1000}
                    expect: {vmExits: 0, walkRefs: 19}
                  - read: {vm: db, gva: 0x4010_0000}
                    expect: {vmExits: {EPT_VIOLATION: 1}, hiddenFaults: 1}
                    expectTotal: {accesses: 4, vmExits: 1}
                  - writeEpt: {vm: web, process: nginx, gva: 0x1000_2000, clear: [W]}
                    narration: "{old} -> {new} for {gpa}"
                  - writePte: {vm: web, gva: 0x2000_0000, value: 0}
                    narration: "{old} -> {new}"
                  - flushTlb: web
                  - read: {vm: web, gva: 0x2000_0010}
                    expect: {guestFaults: 1}
            """;

    @Test
    void aNestedLessonWithEveryKindOfSetup() {
        PlayedLesson p = play(NESTED);
        Lesson l = p.lesson();
        assertEquals(PagingMode.NESTED, l.config().mode());
        assertEquals(8192, l.config().hostFrames());
        assertTrue(l.config().demandPaging());
        assertEquals(16, l.config().mmu().tlbEntries());
        assertTrue(l.config().mmu().walkCache());
        assertEquals(List.of(32L << 20, 16L << 20), l.config().vmRamBytes());
        assertEquals(2, l.vm(1).runningPid());
        assertEquals(PageSize.SIZE_2M, l.mappings().get(2).size());
        assertEquals(List.of(0L, 0x1000L, 0x2000L), l.mappings().get(0).backedOffsets());
        assertEquals("web", l.vm(1).name());
        assertEquals(p.steps().get(0).step().expectations(), p.steps().get(1).step().expectations(),
                "the merge key copied the template's expectation");
        assertTrue(p.steps().get(1).narration().startsWith("{literal} 0x"), p.steps().get(1).narration());
        assertTrue(p.steps().get(1).narration().endsWith(" 2"));
        assertTrue(p.steps().get(4).narration().contains(" -> "));
        assertTrue(p.steps().get(5).narration().endsWith("-> 0x0000_0000_0000_0000"));
    }

    @Test
    void contentsAreWrittenAsPatterns() {
        PlayedLesson p = play(NESTED);
        SnapshotTables tables = new SnapshotTables(p.initial());
        long gpa = tables.lookup(1, 1, 0x1000_0000L).address();
        long[] words = new long[6];
        for (int i = 0; i < words.length; i++) {
            words[i] = tables.readGuest(1, gpa + 8L * i);
        }
        assertEquals(List.of(0x100L, 0x108L, 7L, 8L, 0x6968L, 0x128L), java.util.Arrays.stream(words).boxed().toList());
        long second = tables.lookup(1, 1, 0x1000_1000L).address();
        assertEquals(0x100L + 512 * 8, tables.readGuest(1, second), "the fill runs on across pages");
        assertEquals(second, tables.lookup(1, 2, 0x2000_0000L).address(), "samePageAs shares the page");
    }

    @Test
    void nativeAndShadowMachines() {
        PlayedLesson n = play("""
                title: Native
                machine: {mode: native, hostMemory: 8M, processes: [a, b], running: b, pcids: on}
                initial:
                  mappings: [{process: a, gva: 0x1000}, {process: b, gva: 0x1000, gpa: 0x20_0000}]
                chapters:
                  - title: c
                    steps:
                      - {read: 0x1010, expect: {walkRefs: 4, nativeRefs: 4}, narration: "{hpa}"}
                """);
        assertEquals("0x0000_0000_0020_0010", n.steps().get(0).narration());
        PlayedLesson s = play("""
                title: Shadow
                machine:
                  mode: shadow
                  shadow: {roots: 1}
                  vms: [{memory: 16M, processes: [a]}]
                initial: {mappings: [{gva: 0x1000}]}
                chapters:
                  - title: c
                    steps:
                      - {read: 0x1010, expect: {shadowRefs: 5, hiddenFaults: 1, vmExits: {EXCEPTION_NMI: 1}}}
                      - {writePte: {gva: 0x1000, clear: [RW]}, narration: "{old} -> {new}"}
                """);
        assertEquals(1, s.lesson().config().shadow().roots());
        String edit = s.steps().get(1).narration();
        long old = Long.parseLong(edit.substring(2, 21).replace("_", ""), 16);
        long now = Long.parseLong(edit.substring(27).replace("_", ""), 16);
        assertEquals(old & ~2L, now, edit);
        assertTrue((old & 1) == 1, "the guest's PT entry was read through the P2M map: " + edit);
    }

    @Test
    void aQuestionWithoutChoices() {
        PlayedLesson p = play("""
                title: Q
                machine: {mode: native, processes: [a]}
                initial: {mappings: [{gva: 0x1000}]}
                chapters:
                  - title: c
                    steps:
                      - read: 0x1000
                        question: {prompt: "How many references?", answer: 4}
                        narration: "{walkRefs}"
                """);
        Question q = p.steps().get(0).step().question();
        assertEquals(-1, q.answerIndex());
        assertTrue(q.isRight("4"));
        assertEquals("How many references?", p.steps().get(0).prompt());
    }

    @Test
    void reclamationActions() {
        PlayedLesson p = play(RECLAIM);
        assertEquals(List.of(2000, 1000), p.lesson().config().reclaim().shares());
        assertEquals(org.memvirt.engine.reclaim.SwapPolicy.FIFO, p.lesson().config().reclaim().swapPolicy());
        assertEquals("the host swaps out 4 page(s) in VM a", p.steps().get(2).step().title());
        assertEquals(9, p.steps().size());
    }

    @Test
    void reclamationMistakesAreLocated() {
        LessonLoad load = new LessonLoader().load("r.yaml", """
                title: Reclaim
                machine:
                  mode: shadow
                  reclaim: {taxRate: 1.5}
                  vms: [{memory: 16M, processes: [p]}]
                chapters:
                  - title: c
                    steps:
                      - sampleActivity: yes
                      - shareScan: 0
                """, AssetFolder.none());
        assertEquals(List.of(
                "r.yaml:4:3: 'reclaim' applies to mode: nested (this engine reclaims memory from VMs under nested "
                        + "paging)",
                "r.yaml:4:22: 'taxRate' must be a number from 0.0 to 0.99, not '1.5'",
                "r.yaml:9:25: 'sampleActivity' takes no arguments: write 'sampleActivity:' with nothing after it",
                "r.yaml:10:20: 'seconds' must be a number from 0.001 to 1000000.0, not '0'"),
                load.allProblems().stream().map(LessonError::toString).toList());
    }
}
