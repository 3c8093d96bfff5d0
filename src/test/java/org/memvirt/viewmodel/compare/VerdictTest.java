package org.memvirt.viewmodel.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memvirt.engine.event.CounterSnapshot;

/** The verdict sentence for the cases a student meets. */
class VerdictTest {

    private static CounterSnapshot counters(long refs, long exits) {
        return new CounterSnapshot(0, refs, 0, 0, 0, 0, 0, 0, 0, 0, exits == 0 ? Map.of() : Map.of("CR_ACCESS", exits),
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @ParameterizedTest(name = "nested {0} refs / {1} exits, shadow {2} / {3}")
    @CsvSource(delimiter = '|', value = {
        "2400 | 0 | 400 | 200 | So far, shadow paging made 6.0× fewer walk references than nested paging (400 vs 2,400)"
            + " but took 200 VM exits to nested paging's 0, so at the assumed costs nested paging is 11× cheaper"
            + " (28,800 vs 304,800 cycles).",
        "24000 | 0 | 4000 | 10 | So far, shadow paging made 6.0× fewer walk references than nested paging (4,000 vs"
            + " 24,000) but took 10 VM exits to nested paging's 0, so at the assumed costs shadow paging is 4.6× cheaper"
            + " (63,000 vs 288,000 cycles).",
        "24000 | 0 | 4000 | 100 | So far, shadow paging made 6.0× fewer walk references than nested paging (4,000 vs"
            + " 24,000) but took 100 VM exits to nested paging's 0, so at the assumed costs shadow paging is 31 %"
            + " cheaper (198,000 vs 288,000 cycles).",
        "24000 | 0 | 4000 | 160 | So far, shadow paging made 6.0× fewer walk references than nested paging (4,000 vs"
            + " 24,000) but took 160 VM exits to nested paging's 0, so at the assumed costs the two come out about even"
            + " (288,000 vs 288,000 cycles).",
        "240 | 0 | 240 | 0 | So far, shadow and nested paging made the same number of walk references (240) and neither"
            + " took a VM exit, so at the assumed costs the two come out about even (2,880 vs 2,880 cycles).",
        "240 | 0 | 240 | 1 | So far, shadow and nested paging made the same number of walk references (240) and shadow"
            + " paging took 1 VM exit to nested paging's 0, so at the assumed costs nested paging is 34 % cheaper"
            + " (2,880 vs 4,380 cycles).",
        "100 | 0 | 300 | 1 | So far, shadow paging made 3.0× more walk references than nested paging (300 vs 100) and"
            + " took 1 VM exit to nested paging's 0, so at the assumed costs nested paging is 4.3× cheaper"
            + " (1,200 vs 5,100 cycles)."})
    void sentences(long nestedRefs, long nestedExits, long shadowRefs, long shadowExits, String expected) {
        assertEquals(expected, Verdict.of(5, 10, counters(nestedRefs, nestedExits), counters(shadowRefs, shadowExits),
                CostModel.DEFAULT));
    }

    @ParameterizedTest(name = "{0} of {1} steps")
    @CsvSource(delimiter = '|', value = {
        "0 | 10 | Press Play or Step: the same 10 steps run on a native, a nested-paging and a shadow-paging machine"
            + " at once.",
        "0 | 1 | Press Play or Step: the same 1 step run on a native, a nested-paging and a shadow-paging machine"
            + " at once."})
    void beforeTheFirstStep(int steps, int total, String expected) {
        assertEquals(expected, Verdict.of(steps, total, counters(0, 0), counters(0, 0), CostModel.DEFAULT));
    }

    @org.junit.jupiter.api.Test
    void atTheEndItSpeaksOfTheWholeTrace() {
        String v = Verdict.of(10, 10, counters(24, 0), counters(5, 1), CostModel.DEFAULT);
        assertEquals("Over the whole trace, shadow paging made 4.8× fewer walk references than nested paging (5 vs 24)"
                + " but took 1 VM exit to nested paging's 0, so at the assumed costs nested paging is 5.4× cheaper"
                + " (288 vs 1,560 cycles).", v);
    }
}
