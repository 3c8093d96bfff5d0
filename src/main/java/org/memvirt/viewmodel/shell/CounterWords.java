package org.memvirt.viewmodel.shell;

import java.util.Locale;
import java.util.Map;

import org.memvirt.lesson.CounterNames;

/**
 * A counter's name in words for the panel and the chart ("walk references", "VM exits: EPT
 * violation"). The command-line name ({@code walkRefs}, {@code vmExits.EPT_VIOLATION}) stays the
 * counter's name in the Summary line, {@code walk --json} and lessons; the views show it in a tooltip.
 */
public final class CounterWords {
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("accesses", "accesses"),
            Map.entry("walkRefs", "walk references"),
            Map.entry("guestRefs", "guest table references"),
            Map.entry("hostRefs", "EPT references"),
            Map.entry("hostPtRefs", "host page-table references"),
            Map.entry("hostPageFaults", "host page faults"),
            Map.entry("shadowRefs", "shadow table references"),
            Map.entry("nativeRefs", "page table references"),
            Map.entry("tlbHits", "TLB hits"),
            Map.entry("tlbMisses", "TLB misses"),
            Map.entry("guestFaults", "page faults the guest saw"),
            Map.entry("hiddenFaults", "faults only the hypervisor saw"),
            Map.entry("vmExits", "VM exits"),
            Map.entry("hostFramesUsed", "host frames in use"),
            Map.entry("hostFramesFree", "host frames free"),
            Map.entry("swapOuts", "pages swapped out"),
            Map.entry("swapIns", "pages swapped in"),
            Map.entry("balloonPages", "pages in the balloon"),
            Map.entry("sharedFrames", "shared frames"),
            Map.entry("framesSaved", "frames saved by sharing"),
            Map.entry("cowBreaks", "copy-on-write breaks"));
    private static final Map<String, String> EXIT_WORDS = Map.of(
            "EXCEPTION_NMI", "exception (a #PF)",
            "INVLPG", "INVLPG",
            "CR_ACCESS", "control register access",
            "EPT_VIOLATION", "EPT violation",
            "EPT_MISCONFIG", "EPT misconfiguration");

    private CounterWords() {
    }

    /** "walk references"; "VM exits: EPT violation"; an unknown name as it is. */
    public static String of(String counter) {
        String prefix = CounterNames.VM_EXITS + ".";
        if (counter.startsWith(prefix)) {
            String reason = counter.substring(prefix.length());
            return "VM exits: " + EXIT_WORDS.getOrDefault(reason, reason.toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return WORDS.getOrDefault(counter, counter);
    }

    /** The tooltip: the words and the name the command line and lessons use. */
    public static String tooltip(String counter) {
        return of(counter) + " — " + counter + " on the command line and in lessons";
    }
}
