package org.memvirt.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The walk command as a homework checker uses it: exact counts, DESIGN.md names, clean errors. */
class WalkCommandTest {

    private record Result(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Result walk(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("walk"));
        all.addAll(List.of(args));
        int exit = Cli.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} guest {1}/{3} host {2}/{4} -> {5} refs")
    @CsvSource({
        "nested, 4, 4, 4K, 4K, 24",
        "nested, 5, 5, 4K, 4K, 35",
        "nested, 4, 5, 4K, 4K, 29",
        "nested, 5, 4, 4K, 4K, 29",
        "nested, 4, 4, 2M, 4K, 19",
        "nested, 4, 4, 4K, 2M, 19",
        "nested, 4, 4, 2M, 2M, 15",
        "nested, 4, 4, 1G, 4K, 14",
        "nested, 4, 4, 4K, 1G, 14",
        "nested, 4, 4, 1G, 1G, 8",
        "nested, 5, 4, 2M, 1G, 14",
        "native, 4, 4, 4K, 4K, 4",
        "native, 5, 4, 4K, 4K, 5",
        "native, 4, 4, 2M, 4K, 3",
        "native, 4, 4, 1G, 4K, 2",
    })
    void oneUncachedWalkMakesTheExactNumberOfReferences(String mode, int guestLevels, int hostLevels,
                                                         String guestPage, String hostPage, int refs)
            throws Exception {
        Result r = walk("--mode", mode, "--guest-levels", "" + guestLevels, "--host-levels", "" + hostLevels,
                "--guest-page", guestPage, "--host-page", hostPage, "--tlb", "off", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.json();
        assertEquals(refs, j.get("walkRefs").asLong());
        assertEquals(1, j.get("accesses").asLong());
        if (mode.equals("nested")) {
            assertEquals(j.get("walkRefs").asLong(), j.get("guestRefs").asLong() + j.get("hostRefs").asLong());
        }
    }

    @Test
    void aLargeEnoughTlbMissesOncePerPage() throws Exception {
        JsonNode j = walk("--pages", "10", "--accesses", "1000", "--json").json();
        assertEquals(10, j.get("tlbMisses").asLong());
        assertEquals(990, j.get("tlbHits").asLong());
        assertEquals(240, j.get("walkRefs").asLong());
    }

    @Test
    void theWalkCacheRemovesReferences() throws Exception {
        long without = walk("--pages", "8", "--accesses", "8", "--tlb", "off", "--json").json().get("walkRefs").asLong();
        long with = walk("--pages", "8", "--accesses", "8", "--tlb", "off", "--walk-cache", "on", "--json").json()
                .get("walkRefs").asLong();
        assertEquals(8 * 24, without);
        assertTrue(with < without, "walk cache should remove references: " + with + " vs " + without);
    }

    @Test
    void jsonCarriesEveryCounterNamedInDesign() throws Exception {
        JsonNode j = walk("--json").json();
        for (String name : List.of("accesses", "walkRefs", "guestRefs", "hostRefs", "shadowRefs", "tlbHits",
                "tlbMisses", "guestFaults", "hiddenFaults", "vmExits", "hostFramesUsed", "hostFramesFree", "swapOuts",
                "swapIns", "balloonPages", "sharedFrames", "framesSaved", "cowBreaks", "accessesPerSecond")) {
            assertTrue(j.has(name), "missing counter " + name);
        }
        assertTrue(j.get("vmExits").isObject());
    }

    @Test
    void textOutputExplainsTheFormula() {
        Result r = walk("--tlb", "off");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("4 guest + (4+1)x4 host = 24"), r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--guest-levels|3|guest levels must be 4 or 5, not 3",
        "--host-page|3M|page size must be 4K, 2M or 1G, not '3M'",
        "--mode|bogus|mode must be native, nested or shadow, not 'bogus'",
        "--tlb|maybe|--tlb must be on or off, not 'maybe'",
        "--pages|0|--pages must be 1 to 1048576, not 0",
    })
    void badInputIsACleanMessageAndExitTwo(String option, String value, String message) {
        Result r = walk(option, value);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void anImpossibleHostSizeNamesTheLimit() {
        Result r = walk("--guest-page", "1G", "--host-page", "1G", "--pages", "100");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("at most 16384 MiB"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void shadowPagingWalksOnlyTheShadowTableAfterOneHiddenFaultPerPage() throws Exception {
        JsonNode j = walk("--mode", "shadow", "--pages", "10", "--accesses", "1000", "--tlb", "off", "--json").json();
        assertEquals(10, j.get("hiddenFaults").asLong());
        assertEquals(10, j.get("vmExits").get("EXCEPTION_NMI").asLong());
        assertEquals(0, j.get("guestRefs").asLong());
        assertEquals(0, j.get("hostRefs").asLong());
        assertEquals(j.get("walkRefs").asLong(), j.get("shadowRefs").asLong());
        assertTrue(j.get("walkRefs").asLong() >= 4000 && j.get("walkRefs").asLong() <= 4000 + 10 * 4);
    }

    @Test
    void cachingShadowRootsRemovesTheHiddenFaultsThatDroppingThemCosts() throws Exception {
        String[] common = {"--mode", "shadow", "--pages", "20", "--accesses", "2000", "--processes", "2",
            "--switch-every", "100", "--json"};
        JsonNode drop = walk(concat(common, "--shadow-roots", "1")).json();
        JsonNode cache = walk(concat(common, "--shadow-roots", "4")).json();
        assertEquals(19, drop.get("vmExits").get("CR_ACCESS").asLong());
        assertEquals(20 * 20, drop.get("hiddenFaults").asLong(), "every switch rebuilds: 20 pages x 20 runs");
        assertEquals(2 * 20, cache.get("hiddenFaults").asLong(), "each process's pages fault once");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
