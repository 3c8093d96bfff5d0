package org.memvirt.viewmodel.memory;

/**
 * One entry of the legend: a look, its words and how many cells have it now.
 *
 * @param look  the look (see {@link Looks}); the view draws its swatch with the map's own painter
 * @param label what it means ("VM 2 data")
 * @param count cells with this look now
 * @param unit  "frames", "pages" or "slots"
 */
public record LegendEntry(int look, String label, long count, String unit) {

    /** "VM 2 data · 305". */
    public String text() {
        return label + " · " + Numbers.count(count);
    }
}
