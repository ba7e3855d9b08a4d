package org.moneytree.analysis.internal;

import java.util.Arrays;

/**
 * Checked purchase lines of one region of a file, sorted by the hash of the customer id into
 * {@link #PARTITIONS} partitions, waiting to be added up partition by partition.
 *
 * <p>Why: adding a line up at once reads the customer's entry in a hash table and its sums, and with a
 * million customers each of those reads misses the processor's caches (about 200 ns each on the machines
 * measured, several per line). Appending lines to a partition is a sequential write; adding up one partition
 * afterwards touches the tables of only a 256th of the customers, which stay in the cache. The price is
 * memory while reading: about 24 bytes per line (240 MB for ten million lines with short ids).
 *
 * <p>A line is {@code [day - MIN_DAY << 42 | month << 25 | id length << 2 | two amounts << 1 | strategic]},
 * then either {@code [revenue << 32 | cost]} when both fit in an {@code int} ({@link Integer#MIN_VALUE} for no
 * cost), or {@code revenue, cost} in two longs, then the id (8 bytes to a long), in blocks of longs; a line
 * never spans two blocks. Days are those of years 0 to 9999 (22 bits from {@link #MIN_DAY}), months
 * {@code year * 12 + month - 1} (17 bits), ids at most 511 bytes.
 */
final class LineBuffers {

    static final int PARTITION_BITS = 8;
    static final int PARTITIONS = 1 << PARTITION_BITS;
    /** The epoch day of 0000-01-01. */
    static final int MIN_DAY = -719_528;
    private static final int SMALLEST_BLOCK = 256;
    /**
     * Blocks grow fourfold up to a megabyte: a large file's lines then lie mostly in blocks that G1 allocates
     * outside the young generation (as humongous objects), so collections do not copy them around.
     */
    private static final int LARGEST_BLOCK = (1 << 17) - 2; // with the array's header, one megabyte

    /** The size of a partition's first block. */
    private final int firstBlock;
    /** Per partition, its blocks; the last one is being filled. */
    final long[][][] blocks = new long[PARTITIONS][][];
    /** Per partition, how many blocks it has. */
    final int[] blockCount = new int[PARTITIONS];
    /** Per partition, the used length of its last block (the others are used up to {@link #used}). */
    final int[] position = new int[PARTITIONS];
    /**
     * Per partition, its last block and that block's length: {@link #add} finds where a line goes without
     * going through {@link #blocks} and the block's header (each a likely cache miss, with 256 partitions).
     */
    private final long[][] tail = new long[PARTITIONS][];
    private final int[] limit = new int[PARTITIONS];
    /** Per partition and block, its used length, for the blocks before the last. */
    final int[][] used = new int[PARTITIONS][];
    int minMonth = Integer.MAX_VALUE;
    int maxMonth = Integer.MIN_VALUE;

    /**
     * @param bytes the size of the file region whose lines these are: the first blocks are sized for it, so
     *        that the lines of a large file need few blocks
     */
    LineBuffers(long bytes) {
        long perPartition = bytes / 8 * 3 / 4 / PARTITIONS;
        firstBlock = (int) Math.min(LARGEST_BLOCK, Math.max(SMALLEST_BLOCK, Long.highestOneBit(Math.max(1,
                perPartition))));
    }

    static int partition(int hash) {
        return hash >>> (32 - PARTITION_BITS);
    }

    /** Adds a line; {@code id} must have 8 readable bytes past the id's end. */
    void add(int hash, byte[] id, int idStart, int idLength, int day, int month, long revenue, long cost,
            boolean strategic) {
        int p = partition(hash);
        int words = (idLength + 7) >>> 3;
        boolean small = revenue == (int) revenue && (cost == PartialTotals.NO_COST
                || cost == (int) cost && cost != Integer.MIN_VALUE);
        int amounts = small ? 1 : 2;
        long[] block = tail[p];
        int at = position[p];
        if (at + 1 + amounts + words > limit[p]) {
            block = blockFor(p, 1 + amounts + words);
            at = 0;
        }
        block[at] = ((long) (day - MIN_DAY) << 42) | ((long) month << 25) | (idLength << 2) | (small ? 2 : 0)
                | (strategic ? 1 : 0);
        if (small) {
            block[at + 1] = (revenue << 32) | ((cost == PartialTotals.NO_COST ? Integer.MIN_VALUE : cost) & 0xFFFFFFFFL);
        } else {
            block[at + 1] = revenue;
            block[at + 2] = cost;
        }
        int key = at + 1 + amounts;
        for (int i = 0; i < words; i++) {
            block[key + i] = PartialTotals.word(id, idStart, idLength, i);
        }
        position[p] = key + words;
        if (month < minMonth) {
            minMonth = month;
        }
        if (month > maxMonth) {
            maxMonth = month;
        }
    }

    /** Adds a line whose id is at most eight bytes, given as one word (the bytes past the id cleared). */
    void add(int hash, long idWord, int idLength, int day, int month, long revenue, long cost, boolean strategic) {
        int p = partition(hash);
        boolean small = revenue == (int) revenue && (cost == PartialTotals.NO_COST
                || cost == (int) cost && cost != Integer.MIN_VALUE);
        int amounts = small ? 1 : 2;
        long[] block = tail[p];
        int at = position[p];
        if (at + 2 + amounts > limit[p]) {
            block = blockFor(p, 2 + amounts);
            at = 0;
        }
        block[at] = ((long) (day - MIN_DAY) << 42) | ((long) month << 25) | (idLength << 2) | (small ? 2 : 0)
                | (strategic ? 1 : 0);
        if (small) {
            block[at + 1] = (revenue << 32) | ((cost == PartialTotals.NO_COST ? Integer.MIN_VALUE : cost) & 0xFFFFFFFFL);
        } else {
            block[at + 1] = revenue;
            block[at + 2] = cost;
        }
        block[at + 1 + amounts] = idWord;
        position[p] = at + 2 + amounts;
        if (month < minMonth) {
            minMonth = month;
        }
        if (month > maxMonth) {
            maxMonth = month;
        }
    }

    /** The longs of a partition's blocks in use. */
    long usedLongs(int p) {
        long sum = 0;
        for (int block = 0; block < blockCount[p]; block++) {
            sum += usedLength(p, block);
        }
        return sum;
    }

    /** A new block for the partition, with room for {@code length} longs at least. */
    private long[] blockFor(int p, int length) {
        int count = blockCount[p];
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
        int size = count == 0 ? firstBlock : Math.min(LARGEST_BLOCK, blocks[p][count - 1].length * 4);
        long[] block = new long[Math.max(size, length)];
        blocks[p][count] = block;
        blockCount[p] = count + 1;
        position[p] = 0;
        tail[p] = block;
        limit[p] = block.length;
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
        tail[p] = null;
        limit[p] = 0;
    }
}
