package org.memvirt.view.fit;

import java.util.List;

/**
 * What one screen (one window at one step, view, size, zoom and theme) shows badly.
 *
 * @param truncated   texts cut with "…", clipped at an edge or broken inside a word
 * @param overflowing nodes of the main view whose content needs scrolling or lies outside the view
 * @param tooSmall    key texts smaller than the screen's minimum (only measured in stage mode)
 */
public record LayoutReport(List<LayoutFinding> truncated, List<LayoutFinding> overflowing,
        List<LayoutFinding> tooSmall) {

    public LayoutReport {
        truncated = List.copyOf(truncated);
        overflowing = List.copyOf(overflowing);
        tooSmall = List.copyOf(tooSmall);
    }

    /** Nothing cut, nothing to scroll: the fit zoom's test. */
    public boolean fits() {
        return truncated.isEmpty() && overflowing.isEmpty();
    }

    /** Nothing wrong at all. */
    public boolean clean() {
        return fits() && tooSmall.isEmpty();
    }

    /** Every finding, truncated first. */
    public List<LayoutFinding> all() {
        return java.util.stream.Stream.of(truncated, overflowing, tooSmall).flatMap(List::stream).toList();
    }
}
