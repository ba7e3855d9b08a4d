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
 * memory while reading: about 16 bytes per line and some room in the blocks (200 MB for ten million lines
 * with short ids).
 *
 * <p>A line is one of two forms, told apart by the lowest bit of its first long, in blocks of longs; a line
 * never spans two blocks:
 * <ul>
 * <li>short, two longs: {@code [revenue << 44 | cost << 24 | day - MIN_DAY << 2 | strategic << 1 | 1] [id]}
 * for the usual line: an id of one to eight bytes whose last byte is not 0 (its length is then seen from the
 * word), revenue and cost within ±5,242.87 (20 bits each, {@link #NO_COST_20} for no cost);</li>
 * <li>long, any other line: {@code [day - MIN_DAY << 42 | id length << 3 | two amounts << 2 | strategic << 1]},
 * then either {@code [revenue << 32 | cost]} when both fit in an {@code int} ({@link Integer#MIN_VALUE} for no
 * cost), or {@code revenue, cost} in two longs, then the id (8 bytes to a long, the last one cleared past the
 * id).</li>
 * </ul>
 * Appending the lines to their partitions had a third of the samples of a profile of the scan when every line
 * took 24 bytes or more; the usual line is kept in 16 (docs/architecture.md, "A large file"). The month is not kept:
 * it follows from the day ({@link PeriodKeys.DayMonths}). Days are those of years 0 to 9999 (22 bits from
 * {@link #MIN_DAY}), ids at most 511 bytes.
 */
final class LineBuffers {

    static final int PARTITION_BITS = 8;
    static final int PARTITIONS = 1 << PARTITION_BITS;
    /** The epoch day of 0000-01-01. */
    static final int MIN_DAY = -719_528;
    /** A short line's cost when it has none: the smallest 20-bit number. */
    static final long NO_COST_20 = -(1L << 19);
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
    /** The first and the last day of the lines added. */
    int minDay = Integer.MAX_VALUE;
    int maxDay = Integer.MIN_VALUE;

    private LineBuffers(long longs) {
        firstBlock = (int) Math.min(LARGEST_BLOCK, Math.max(SMALLEST_BLOCK, longs / PARTITIONS + 16));
    }

    /**
     * Buffers for the lines of a file region of {@code bytes} bytes: the first blocks are sized for it, so that
     * the lines of a large file need few blocks: a third of its bytes (a file line of 48 bytes or more takes 16).
     */
    static LineBuffers forBytes(long bytes) {
        return new LineBuffers(bytes / 24);
    }

    /**
     * Buffers for lines that will take about {@code longs} longs (as many as a region of the same size took
     * before): the first blocks are sized for an even share of them and an eighth more. Every block is memory
     * that is zeroed before it is used and makes work for the collector: blocks sized for a third of the file's
     * bytes were a third larger than needed for a 10M-line file, and the scan's allocations then outgrew the
     * young generation (a collection copying 200 MB of live lines in every scan).
     */
    static LineBuffers expecting(long longs) {
        return new LineBuffers(longs + (longs >> 3));
    }

    static int partition(int hash) {
        return hash >>> (32 - PARTITION_BITS);
    }

    /** Adds a line; {@code id} must have 8 readable bytes past the id's end. */
    void add(int hash, byte[] id, int idStart, int idLength, int day, long revenue, long cost, boolean strategic) {
        if (idLength <= 8) {
            add(hash, PartialTotals.lastWord(id, idStart, idLength), idLength, day, revenue, cost, strategic);
            return;
        }
        longLine(hash, id, idStart, idLength, 0, day, revenue, cost, strategic);
    }

    /** Adds a line whose id is at most eight bytes, given as one word (the bytes past the id cleared). */
    void add(int hash, long idWord, int idLength, int day, long revenue, long cost, boolean strategic) {
        // short when the id's length shows in its word (its last byte is not 0) and both amounts take 20 bits
        long costBits = cost == PartialTotals.NO_COST ? NO_COST_20 : cost;
        if (idLength != 8 - (Long.numberOfLeadingZeros(idWord) >>> 3)
                || (revenue + (1L << 19)) >>> 20 != 0 || (costBits + (1L << 19)) >>> 20 != 0
                || costBits == NO_COST_20 && cost != PartialTotals.NO_COST) {
            longLine(hash, null, 0, idLength, idWord, day, revenue, cost, strategic);
            return;
        }
        int p = partition(hash);
        long[] block = tail[p];
        int at = position[p];
        if (at + 2 > limit[p]) {
            block = blockFor(p, 2);
            at = 0;
        }
        block[at] = revenue << 44 | (costBits & 0xFFFFF) << 24 | (long) (day - MIN_DAY) << 2 | (strategic ? 3 : 1);
        block[at + 1] = idWord;
        position[p] = at + 2;
        if (day < minDay) {
            minDay = day;
        }
        if (day > maxDay) {
            maxDay = day;
        }
    }

    /** Adds a line in the long form: the id's bytes from {@code id}, or {@code idWord} when {@code id} is null. */
    private void longLine(int hash, byte[] id, int idStart, int idLength, long idWord, int day, long revenue,
            long cost, boolean strategic) {
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
        block[at] = ((long) (day - MIN_DAY) << 42) | (idLength << 3) | (small ? 4 : 0) | (strategic ? 2 : 0);
        if (small) {
            block[at + 1] = (revenue << 32) | ((cost == PartialTotals.NO_COST ? Integer.MIN_VALUE : cost) & 0xFFFFFFFFL);
        } else {
            block[at + 1] = revenue;
            block[at + 2] = cost;
        }
        int key = at + 1 + amounts;
        if (id == null) {
            block[key] = idWord;
        } else {
            for (int i = 0; i < words; i++) {
                block[key + i] = PartialTotals.word(id, idStart, idLength, i);
            }
        }
        position[p] = key + words;
        if (day < minDay) {
            minDay = day;
        }
        if (day > maxDay) {
            maxDay = day;
        }
    }

    /** The longs of all partitions' blocks in use. */
    long usedLongs() {
        long sum = 0;
        for (int p = 0; p < PARTITIONS; p++) {
            sum += usedLongs(p);
        }
        return sum;
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
