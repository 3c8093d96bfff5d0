package org.memvirt.viewmodel.memory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.memvirt.engine.event.Event;
import org.memvirt.engine.event.PageScan;
import org.memvirt.engine.event.ScanOutcome;
import org.memvirt.viewmodel.memory.SummaryLine.Topic;

/** What one step did to memory, in a few sentences: one per kind of movement, plus the net effect. */
final class StepSummary {
    private StepSummary() {
    }

    /**
     * @param phases      the step's movements, grouped
     * @param events      the step's events
     * @param freeBefore  free host frames before the step, or -1 when unknown
     * @param freeAfter   free host frames after it
     */
    static List<SummaryLine> of(List<AnimationPhase> phases, List<Event> events, long freeBefore, long freeAfter) {
        List<SummaryLine> lines = new ArrayList<>();
        Map<ScanOutcome, Integer> scans = new EnumMap<>(ScanOutcome.class);
        for (Event e : events) {
            if (e instanceof PageScan s) {
                scans.merge(s.outcome(), 1, Integer::sum);
            }
        }
        if (!scans.isEmpty()) {
            int total = scans.values().stream().mapToInt(Integer::intValue).sum();
            List<String> parts = new ArrayList<>();
            scans.forEach((outcome, n) -> parts.add(Numbers.count(n) + " " + switch (outcome) {
                case HINT -> "new hints";
                case STALE_HINT -> "stale hints";
                case MERGED -> "matched";
                case SKIPPED -> "skipped";
            }));
            lines.add(new SummaryLine(Topic.SHARING, "Sharing scan hashed " + Numbers.of(total, "page", "pages") + ": "
                    + String.join(", ", parts) + "."));
        }
        for (AnimationPhase p : phases) {
            lines.add(new SummaryLine(topic(p.items().get(0)), p.caption()));
        }
        if (freeBefore >= 0 && freeBefore != freeAfter) {
            long delta = freeAfter - freeBefore;
            lines.add(new SummaryLine(Topic.NET, "Free host frames: " + Numbers.count(freeBefore) + " → "
                    + Numbers.count(freeAfter) + " (" + (delta > 0 ? "+" : "−") + Numbers.count(Math.abs(delta))
                    + ")."));
        }
        return lines;
    }

    private static Topic topic(MemoryAnimation m) {
        if (m instanceof MemoryAnimation.Backed) {
            return Topic.BACKING;
        }
        if (m instanceof MemoryAnimation.BalloonInflation || m instanceof MemoryAnimation.BalloonDeflation) {
            return Topic.BALLOON;
        }
        if (m instanceof MemoryAnimation.Merge) {
            return Topic.SHARING;
        }
        if (m instanceof MemoryAnimation.CowSplit) {
            return Topic.COPY_ON_WRITE;
        }
        if (m instanceof MemoryAnimation.HostSwapOut || m instanceof MemoryAnimation.HostSwapIn
                || m instanceof MemoryAnimation.GuestSwapOut || m instanceof MemoryAnimation.GuestSwapIn) {
            return Topic.SWAP;
        }
        if (m instanceof MemoryAnimation.HostTake || m instanceof MemoryAnimation.HostGiveBack) {
            return Topic.HOST;
        }
        throw new IllegalStateException("no topic for " + m);
    }
}
