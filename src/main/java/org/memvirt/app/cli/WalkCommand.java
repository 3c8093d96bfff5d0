package org.memvirt.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.memvirt.engine.WalkReport;
import org.memvirt.engine.WalkSpec;
import org.memvirt.engine.WalkWorkload;
import org.memvirt.engine.mmu.PagingMode;
import org.memvirt.engine.paging.PageSize;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code walk}: a page-walk calculator and workload driver. Builds real tables, makes the
 * accesses on the emulated MMU in counting mode and prints the counters (DESIGN.md names).
 */
@Command(name = "walk", mixinStandardHelpOptions = true,
        description = "Build the tables, make N accesses over P pages, print the counters.")
final class WalkCommand implements Callable<Integer> {
    /** The most accesses one walk makes: about 30 s of uncached nested walks on one core. */
    static final long MAX_ACCESSES = 100_000_000;
    /** The most shadow roots: as many as a lesson's shadow policy may keep. */
    static final int MAX_SHADOW_ROOTS = 64;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--mode", defaultValue = "nested", description = "native, nested or shadow (default ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--guest-levels", defaultValue = "4", description = "guest table levels: 4 or 5")
    int guestLevels;

    @Option(names = "--host-levels", defaultValue = "4", description = "EPT levels: 4 or 5")
    int hostLevels;

    @Option(names = "--guest-page", defaultValue = "4K", description = "guest page size: 4K, 2M or 1G")
    String guestPage;

    @Option(names = "--host-page", defaultValue = "4K", description = "host (EPT) page size: 4K, 2M or 1G")
    String hostPage;

    @Option(names = "--tlb", defaultValue = "on", description = "TLB: on or off")
    String tlb;

    @Option(names = "--walk-cache", defaultValue = "off", description = "page-walk cache and nested TLB: on or off")
    String walkCache;

    @Option(names = "--pages", defaultValue = "1", description = "P distinct pages, accessed round-robin")
    int pages;

    @Option(names = "--accesses", defaultValue = "1", description = "N accesses")
    long accesses;

    @Option(names = "--processes", defaultValue = "1", description = "Q processes, each with its own tables")
    int processes;

    @Option(names = "--switch-every", defaultValue = "1000", description = "K accesses between CR3 switches")
    long switchEvery;

    @Option(names = "--shadow-roots", defaultValue = "4", description = "shadow roots the VMM keeps (shadow mode)")
    int shadowRoots;

    @Option(names = "--seed", defaultValue = "1", description = "seed for frame placement and offsets")
    long seed;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        WalkSpec spec;
        WalkWorkload workload;
        try {
            limit("--accesses", accesses, 0, MAX_ACCESSES, "about half a minute of uncached walks");
            limit("--shadow-roots", shadowRoots, 1, MAX_SHADOW_ROOTS, "the most a lesson's shadow policy keeps");
            spec = new WalkSpec(PagingMode.parse(mode), guestLevels, hostLevels, PageSize.parse(guestPage),
                    PageSize.parse(hostPage), onOff("--tlb", tlb), onOff("--walk-cache", walkCache), pages, accesses,
                    processes, switchEvery, shadowRoots, seed);
            workload = new WalkWorkload(spec);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            if ("shadow".equalsIgnoreCase(mode) && shadowRoots > 1 && m != null && m.contains("--pages")) {
                m += "; in shadow mode each of the " + shadowRoots + " --shadow-roots keeps its own tables, so fewer "
                        + "--shadow-roots help too";
            }
            throw new CommandLine.ParameterException(commandSpec.commandLine(), m, e);
        }
        WalkReport report = workload.run();
        PrintWriter out = commandSpec.commandLine().getOut();
        out.print(json ? WalkPrinter.json(report) : WalkPrinter.text(report));
        out.flush();
        return 0;
    }

    /**
     * Checks a count option before anything runs: a walk in bounded time and memory, and a
     * message that names the option and its largest value.
     */
    private static void limit(String option, long value, long min, long max, String why) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be %,d to %,d (%s), not %,d", option,
                    min, max, why, value));
        }
    }

    private static boolean onOff(String option, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException(option + " must be on or off, not '" + value + "'");
        };
    }
}
