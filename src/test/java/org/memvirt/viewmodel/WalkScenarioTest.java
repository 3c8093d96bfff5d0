package org.memvirt.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.memvirt.engine.event.Dimension;
import org.memvirt.engine.event.WalkStep;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.paging.PageSize;

/** The scenario behind the walk screen: settings in, the recorded walk of one access out. */
class WalkScenarioTest {
    private final WalkScenario scenario = new WalkScenario();

    @ParameterizedTest(name = "{0} {1}/{2} guest {3} host {4} tlb={5} walkCache={6} repeat={7} -> {8} refs")
    @CsvSource({
            // mode,  guest, host, guest page, host page, tlb,  walk cache, repeat, references
            "NESTED, 4, 4, 4K, 4K, false, false, false, 24",
            "NESTED, 5, 5, 4K, 4K, false, false, false, 35",
            "NESTED, 4, 5, 4K, 4K, false, false, false, 29",
            "NESTED, 5, 4, 4K, 4K, false, false, false, 29",
            "NESTED, 4, 4, 2M, 4K, false, false, false, 19",
            "NESTED, 4, 4, 4K, 2M, false, false, false, 19",
            "NESTED, 4, 4, 1G, 4K, false, false, false, 14",
            "NESTED, 4, 4, 4K, 1G, false, false, false, 14",
            "NESTED, 4, 4, 2M, 2M, false, false, false, 15",
            "NESTED, 4, 4, 1G, 1G, false, false, false, 8",
            "NATIVE, 4, 4, 4K, 4K, false, false, false, 4",
            "NATIVE, 5, 4, 4K, 4K, false, false, false, 5",
            "NATIVE, 4, 4, 2M, 4K, false, false, false, 3",
            "NATIVE, 4, 4, 1G, 4K, false, false, false, 2",
            // caches: a warm walk cache leaves the guest PT read and the data's host walk
            "NESTED, 4, 4, 4K, 4K, false, true, false, 5",
            // the second read of the page: a TLB hit, no walk; without a TLB, the same walk again
            "NESTED, 4, 4, 4K, 4K, true, false, true, 0",
            "NESTED, 4, 4, 4K, 4K, false, false, true, 24",
            "NATIVE, 4, 4, 4K, 4K, true, false, true, 0",
    })
    void referenceCounts(PagingMode mode, int guestLevels, int hostLevels, String guestPage, String hostPage,
                         boolean tlb, boolean walkCache, boolean repeat, int references) {
        WalkSettings s = new WalkSettings(mode, guestLevels, hostLevels, PageSize.parse(guestPage),
                PageSize.parse(hostPage), tlb, walkCache, repeat, WalkSettings.defaultAddress(guestLevels));

        TranslationWalk walk = scenario.walk(s);

        assertEquals(references, walk.references().size());
        assertTrue(walk.result().isPresent(), "the access completes");
        assertEquals(references, walk.result().get().references());
    }

    static Stream<Arguments> everyConfiguration() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (PagingMode mode : List.of(PagingMode.NATIVE, PagingMode.NESTED)) {
            for (int guest = 4; guest <= 5; guest++) {
                for (int host = 4; host <= 5; host++) {
                    for (PageSize gp : PageSize.values()) {
                        for (PageSize hp : PageSize.values()) {
                            b.add(Arguments.of(new WalkSettings(mode, guest, host, gp, hp, false, false, false,
                                    WalkSettings.defaultAddress(guest))));
                        }
                    }
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest
    @MethodSource("everyConfiguration")
    void everyConfigurationRunsAndMakesTheTextbookCount(WalkSettings s) {
        TranslationWalk walk = scenario.walk(s);

        assertEquals(s.uncachedReferences(), walk.references().size(), s.toString());
    }

    @Test
    void referencesAreNumberedInHardwareOrderAndAgreeWithTheCounters() {
        TranslationWalk walk = scenario.walk(WalkSettings.defaults());

        List<WalkStep> refs = walk.references();
        for (int i = 0; i < refs.size(); i++) {
            assertEquals(i + 1, refs.get(i).reference());
        }
        long guest = refs.stream().filter(w -> w.dimension() == Dimension.GUEST).count();
        long host = refs.stream().filter(w -> w.dimension() == Dimension.HOST).count();
        assertEquals(4, guest);
        assertEquals(20, host);
        assertEquals(guest, walk.countersAfter().guestRefs() - walk.countersBefore().guestRefs());
        assertEquals(host, walk.countersAfter().hostRefs() - walk.countersBefore().hostRefs());
    }

    @Test
    void warmCachesAreExplainedInThePreamble() {
        TranslationWalk walk = scenario.walk(WalkSettings.defaults().withCaches(true, true).withRepeatAccess(true));

        assertEquals(2, walk.preamble().size());
        assertTrue(walk.preamble().get(0).contains("neighbouring 4K page"), walk.preamble().get(0));
        assertTrue(walk.preamble().get(1).contains("second read"), walk.preamble().get(1));
    }

    @Test
    void aNonCanonicalAddressIsRefusedInWords() {
        WalkSettings s = WalkSettings.defaults().withAddress(0x0012_7f3a_1c40_2000L);

        ScenarioFailure e = assertThrows(ScenarioFailure.class, () -> scenario.walk(s));

        assertTrue(e.getMessage().contains("not a canonical address for 4-level paging"), e.getMessage());
    }

    @Test
    void kernelHalfAddressesWalkToo() {
        WalkSettings s = WalkSettings.defaults().withAddress(0xffff_8000_1234_5000L);

        assertEquals(24, scenario.walk(s).references().size());
    }
}
