package org.moneytree.analysis.internal;

import java.util.Arrays;

/**
 * Checked purchase lines of one region of a file, sorted by the hash of the customer id into
 * {@link #PARTITIONS} partitions, waiting to be added up partition by partition.
 *
 * <p>Why: adding a line up at once reads the customer's entry in a hash table and its sums, and with a
 * million customers each of those reads misses the processor's caches (about 200 ns each on the machines
 * measured, several per line). Appending lines to a partition is a sequential write; adding up one partition
 * afterwards touches the tables of only a thousandth of the customers, which stay in the cache. The price is
 * memory while reading: about 40 bytes per line (400 MB for ten million lines).
 *
 * <p>A line is {@code [hash << 32 | id length << 8 | flags] [day << 32 | month] revenue cost [id, 8 bytes to a
 * long...]} in blocks of longs; a line never spans two blocks.
 */
final class LineBuffers {

    static final int PARTITION_BITS = Integer.getInteger("pbits", 10);
    static final int PARTITIONS = 1 << PARTITION_BITS;
    static final int FLAG_STRATEGIC = 1;
    static final int HEADER = 4;
    private static final int FIRST_BLOCK = 256;
    /**
     * Blocks grow fourfold up to a megabyte: a large file's lines then lie mostly in blocks that G1 allocates
     * outside the young generation (as humongous objects), so collections do not copy them around.
     */
    private static final int LARGEST_BLOCK = 1 << 17;

    /** Per partition, its blocks; the last one is being filled. */
    final long[][][] blocks = new long[PARTITIONS][][];
    /** Per partition, how many blocks it has. */
    final int[] blockCount = new int[PARTITIONS];
    /** Per partition, the used length of its last block (the others are used up to {@link #used}). */
    final int[] position = new int[PARTITIONS];
    /** Per partition and block, its used length, for the blocks before the last. */
    final int[][] used = new int[PARTITIONS][];
    int minMonth = Integer.MAX_VALUE;
    int maxMonth = Integer.MIN_VALUE;

    static int partition(int hash) {
        return hash >>> (32 - PARTITION_BITS);
    }

    /** Adds a line; {@code id} must have 8 readable bytes past the id's end. */
    void add(int hash, byte[] id, int idStart, int idLength, int day, int month, long revenue, long cost,
            boolean strategic) {
        int p = partition(hash);
        int words = (idLength + 7) >>> 3;
        long[] block = blockFor(p, HEADER + words);
        int at = position[p];
        block[at] = ((long) hash << 32) | (idLength << 8) | (strategic ? FLAG_STRATEGIC : 0);
        block[at + 1] = ((long) day << 32) | (month & 0xFFFFFFFFL);
        block[at + 2] = revenue;
        block[at + 3] = cost;
        for (int i = 0; i < words; i++) {
            block[at + HEADER + i] = PartialTotals.word(id, idStart, idLength, i);
        }
        position[p] = at + HEADER + words;
        if (month < minMonth) {
            minMonth = month;
        }
        if (month > maxMonth) {
            maxMonth = month;
        }
    }

    private long[] blockFor(int p, int length) {
        int count = blockCount[p];
        if (count > 0) {
            long[] last = blocks[p][count - 1];
            if (position[p] + length <= last.length) {
                return last;
            }
        }
        if (blocks[p] == null) {
            blocks[p] = new long[4][];
            used[p] = new int[4];
        } else if (count == blocks[p].length) {
            blocks[p] = Arrays.copyOf(blocks[p], count * 2);
            used[p] = Arrays.copyOf(used[p], count * 2);
        }
        if (count > 0) {
            used[p][count - 1] = position[p];
        }
        int size = count == 0 ? FIRST_BLOCK : Math.min(LARGEST_BLOCK, blocks[p][count - 1].length * 4);
        long[] block = new long[Math.max(size, length)];
        blocks[p][count] = block;
        blockCount[p] = count + 1;
        position[p] = 0;
        return block;
    }

    /** The used length of a partition's block. */
    int usedLength(int p, int block) {
        return block == blockCount[p] - 1 ? position[p] : used[p][block];
    }

    /** Lets go of a partition's lines. */
    void release(int p) {
        blocks[p] = null;
        used[p] = null;
        blockCount[p] = 0;
        position[p] = 0;
    }
}
