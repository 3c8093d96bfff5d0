package org.memvirt.engine.memory;

import java.util.Arrays;

/**
 * Four KiB of real memory contents, held as 512 little-endian 64-bit words in eight blocks.
 * A page belongs to one {@link Epoch} generation; a write from a later generation copies the
 * page and only the block it touches, so snapshots that still see the old page keep it intact.
 */
public final class Page {
    /** Bytes in a base page. */
    public static final int SIZE = 4096;
    /** 64-bit words in a page: also the number of entries in a page table. */
    public static final int WORDS = 512;
    private static final int BLOCK_WORDS = 64;
    private static final int BLOCKS = WORDS / BLOCK_WORDS;
    private static final long[] ZERO_BLOCK = new long[BLOCK_WORDS];

    private final long[][] blocks;
    private final long[] blockEpochs;
    private final long epoch;

    private Page(long[][] blocks, long[] blockEpochs, long epoch) {
        this.blocks = blocks;
        this.blockEpochs = blockEpochs;
        this.epoch = epoch;
    }

    /** A page of zeroes owned by the given generation; its blocks are shared until written. */
    public static Page zero(long epoch) {
        long[][] blocks = new long[BLOCKS][];
        Arrays.fill(blocks, ZERO_BLOCK);
        return new Page(blocks, new long[BLOCKS], epoch);
    }

    /** The 64-bit word at index 0..511. */
    public long word(int index) {
        return blocks[index >>> 6][index & (BLOCK_WORDS - 1)];
    }

    /** The byte at offset 0..4095 (little-endian within each word). */
    public int byteAt(int offset) {
        return (int) (word(offset >>> 3) >>> ((offset & 7) * 8)) & 0xFF;
    }

    /** True when every byte is zero. */
    public boolean isZero() {
        for (long[] block : blocks) {
            if (block == ZERO_BLOCK) {
                continue;
            }
            for (long w : block) {
                if (w != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Writes a word, in place when this page and block belong to {@code now}, otherwise into a
     * copy. Returns the page that holds the new contents (this page or its copy).
     */
    public Page withWord(long now, int index, long value) {
        Page target = epoch == now ? this : new Page(blocks.clone(), blockEpochs.clone(), now);
        int b = index >>> 6;
        if (target.blockEpochs[b] != now || target.blocks[b] == ZERO_BLOCK) {
            target.blocks[b] = target.blocks[b].clone();
            target.blockEpochs[b] = now;
        }
        target.blocks[b][index & (BLOCK_WORDS - 1)] = value;
        return target;
    }

    /**
     * A copy of this page's contents owned by {@code now} (copy-on-write breaks, swap-in). Blocks
     * this page owns, and so may still write in place, are copied; older (frozen) blocks are
     * shared, and the copy clones them before its own first write.
     */
    public Page copy(long now) {
        long[][] copied = blocks.clone();
        long[] copiedEpochs = new long[BLOCKS];
        for (int b = 0; b < BLOCKS; b++) {
            if (blockEpochs[b] == epoch && blocks[b] != ZERO_BLOCK) {
                copied[b] = blocks[b].clone();
                copiedEpochs[b] = now;
            }
        }
        return new Page(copied, copiedEpochs, now);
    }

    /** True when both pages hold the same 4096 bytes. */
    public boolean sameContents(Page other) {
        for (int b = 0; b < BLOCKS; b++) {
            if (blocks[b] != other.blocks[b] && !Arrays.equals(blocks[b], other.blocks[b])) {
                return false;
            }
        }
        return true;
    }

    /** A 64-bit FNV-1a style hash of the contents, as a page-sharing scan would compute. */
    public long contentHash() {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < WORDS; i++) {
            h ^= word(i);
            h *= 0x100000001b3L;
            h ^= h >>> 29;
        }
        return h;
    }
}
