package org.memvirt.viewmodel;

import java.util.ArrayList;
import java.util.List;

import org.memvirt.engine.event.Dimension;
import org.memvirt.engine.paging.Levels;

/**
 * An address split into the fields a walk consumes: the unused top bits, one 9-bit index per
 * level down to the level that maps the page, and the offset inside the page. Each index is
 * drawn in its level's colour, so a student sees PML4 | PDPT | PD | PT | offset.
 *
 * @param label     what the address is: "gVA", "gPA of the guest PDPT table"
 * @param hex       the address in grouped hex
 * @param dimension whose tables consume the indices: GUEST (or NATIVE) for a virtual address,
 *                  HOST for a guest-physical one
 * @param fields    the fields, most significant first
 */
public record AddressBreakdown(String label, String hex, Dimension dimension, List<AddressField> fields) {

    public AddressBreakdown {
        fields = List.copyOf(fields);
    }

    /**
     * Splits {@code address} for a walk of {@code levels} levels that ends at {@code leafLevel}.
     *
     * @param currentLevel the level whose index the shown reference used; 0 marks the offset
     *                     (the data access), -1 marks nothing
     */
    public static AddressBreakdown of(String label, long address, Dimension dimension, int levels, int leafLevel,
                                      int currentLevel) {
        List<AddressField> fields = new ArrayList<>();
        int top = Levels.addressBits(levels);
        boolean host = dimension == Dimension.HOST;
        fields.add(new AddressField(AddressField.Kind.UNUSED, 0, host ? "unused" : "sign",
                bits(address, 63, top), "", false));
        for (int level = levels; level >= leafLevel; level--) {
            int low = 12 + 9 * (level - 1);
            String name = host ? Levels.eptName(level) : Levels.name(level);
            fields.add(new AddressField(AddressField.Kind.INDEX, level, name, bits(address, low + 8, low),
                    Integer.toString(Levels.index(address, level)), level == currentLevel));
        }
        int offsetBits = 12 + 9 * (leafLevel - 1);
        long offset = address & ((1L << offsetBits) - 1);
        fields.add(new AddressField(AddressField.Kind.OFFSET, 0, "offset", bits(address, offsetBits - 1, 0),
                HexAddress.compact(offset), currentLevel == 0));
        return new AddressBreakdown(label, HexAddress.grouped(address), dimension, fields);
    }

    private static String bits(long value, int high, int low) {
        StringBuilder sb = new StringBuilder();
        for (int b = high; b >= low; b--) {
            sb.append((value >>> b & 1) == 1 ? '1' : '0');
        }
        return sb.toString();
    }
}
