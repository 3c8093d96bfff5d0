package org.memvirt.viewmodel.memory;

/**
 * One step of the chart of host memory over the steps.
 *
 * @param step      the step number
 * @param free      free host frames
 * @param shared    shared frames
 * @param swapped   guest pages on the host swap device
 * @param ballooned guest pages in balloons
 */
public record HistoryPoint(int step, long free, long shared, long swapped, long ballooned) {
}
