package org.memvirt.app.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.memvirt.engine.WalkReport;
import org.memvirt.engine.WalkSpec;
import org.memvirt.engine.event.CounterSnapshot;
import org.memvirt.engine.mmu.PagingMode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Formats a walk report as aligned text for people or as one JSON object for graders. */
final class WalkPrinter {
    private WalkPrinter() {
    }

    /** The counters under DESIGN.md's names, in its order, as one JSON object and a newline. */
    static String json(WalkReport report) {
        try {
            return new ObjectMapper().writeValueAsString(counters(report)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static Map<String, Object> counters(WalkReport report) {
        CounterSnapshot c = report.counters();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accesses", c.accesses());
        m.put("walkRefs", c.walkRefs());
        m.put("guestRefs", c.guestRefs());
        m.put("hostRefs", c.hostRefs());
        m.put("shadowRefs", c.shadowRefs());
        m.put("tlbHits", c.tlbHits());
        m.put("tlbMisses", c.tlbMisses());
        m.put("guestFaults", c.guestFaults());
        m.put("hiddenFaults", c.hiddenFaults());
        m.put("vmExits", new LinkedHashMap<>(c.vmExits()));
        m.put("hostFramesUsed", c.hostFramesUsed());
        m.put("hostFramesFree", c.hostFramesFree());
        m.put("swapOuts", c.swapOuts());
        m.put("swapIns", c.swapIns());
        m.put("balloonPages", c.balloonPages());
        m.put("sharedFrames", c.sharedFrames());
        m.put("framesSaved", c.framesSaved());
        m.put("cowBreaks", c.cowBreaks());
        m.put("hostPtRefs", c.hostPtRefs());
        m.put("hostPageFaults", c.hostPageFaults());
        m.put("accessesPerSecond", Math.round(report.accessesPerSecond()));
        return m;
    }

    static String text(WalkReport report) {
        WalkSpec s = report.spec();
        CounterSnapshot c = report.counters();
        StringBuilder sb = new StringBuilder();
        sb.append(describe(s)).append(System.lineSeparator());
        sb.append(String.format(Locale.ROOT, "%d access(es) over %d page(s), %d process(es)%n", s.accesses(),
                s.pages(), s.processes()));
        sb.append(System.lineSeparator());
        row(sb, "accesses", c.accesses());
        row(sb, "walkRefs", c.walkRefs());
        if (s.mode() == PagingMode.NATIVE) {
            sb.append("  (native walk: the process's own table; no guest or host dimension)")
                    .append(System.lineSeparator());
        } else {
            row(sb, "  guestRefs", c.guestRefs());
            row(sb, "  hostRefs", c.hostRefs());
            row(sb, "  shadowRefs", c.shadowRefs());
        }
        row(sb, "tlbHits", c.tlbHits());
        row(sb, "tlbMisses", c.tlbMisses());
        row(sb, "guestFaults", c.guestFaults());
        row(sb, "hiddenFaults", c.hiddenFaults());
        sb.append(String.format(Locale.ROOT, "%-20s %s%n", "vmExits", c.vmExits().isEmpty() ? "none" : c.vmExits()));
        row(sb, "hostFramesUsed", c.hostFramesUsed());
        row(sb, "hostFramesFree", c.hostFramesFree());
        sb.append(System.lineSeparator());
        if (c.tlbMisses() > 0) {
            sb.append(String.format(Locale.ROOT, "%-20s %.2f   (one uncached walk: %s)%n", "refs per TLB miss",
                    (double) c.walkRefs() / c.tlbMisses(), formula(s)));
        }
        sb.append(String.format(Locale.ROOT, "%-20s %,.0f%n", "accessesPerSecond", report.accessesPerSecond()));
        return sb.toString();
    }

    private static String describe(WalkSpec s) {
        String guest = s.guestLevels() + "-level " + (s.mode() == PagingMode.NATIVE ? "tables" : "guest tables")
                + ", " + s.guestPage() + " pages";
        String host = s.mode() == PagingMode.NATIVE ? "" : "; " + s.hostLevels() + "-level EPT, " + s.hostPage()
                + " host pages";
        return "walk: " + s.mode().label() + " paging, " + guest + host + "; TLB " + (s.tlb() ? "on" : "off")
                + ", walk cache " + (s.walkCache() ? "on" : "off");
    }

    private static String formula(WalkSpec s) {
        int nUsed = s.guestLevels() - (s.guestPage().leafLevel() - 1);
        if (s.mode() == PagingMode.NATIVE) {
            return nUsed + " references, one per level";
        }
        if (s.mode() == PagingMode.SHADOW) {
            return nUsed + " references: the hardware walks the shadow table only";
        }
        int d = s.hostLevels() - (s.hostPage().leafLevel() - 1);
        return String.format(Locale.ROOT, "%d guest + (%d+1)x%d host = %d", nUsed, nUsed, d, s.uncachedReferences());
    }

    private static void row(StringBuilder sb, String name, long value) {
        sb.append(String.format(Locale.ROOT, "%-20s %,d%n", name, value));
    }
}
