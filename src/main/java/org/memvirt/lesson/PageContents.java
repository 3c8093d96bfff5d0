package org.memvirt.lesson;

import java.util.List;

/**
 * What a mapping's pages hold before step 1, written compactly: a fill pattern over the whole
 * range (each 64-bit word {@code fill + i * step}), then words and text at a byte offset.
 *
 * @param fill     the first word of the fill pattern (0 with step 0: leave zero)
 * @param step     added to the fill word for each next word
 * @param at       byte offset of {@code words} and {@code text} from the mapping's start (a multiple of 8)
 * @param words    words written from {@code at}
 * @param text     UTF-8 text written after the words, padded with zero bytes to whole words
 * @param location where the contents are written
 */
public record PageContents(long fill, long step, long at, List<Long> words, String text, SourceLocation location) {
    public PageContents {
        words = List.copyOf(words);
    }

    /** True when the fill pattern writes anything. */
    public boolean fills() {
        return fill != 0 || step != 0;
    }
}
