package org.moneytree.analysis.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * The sums of one share of the customers (one hash partition of a file's lines, or all purchases handed to a
 * builder): customers by their id's bytes, and per customer and period the money, line counts and days.
 * {@link PurchaseTotals} puts the shares together; no customer is in two shares. Not thread-safe.
 *
 * <p>Laid out so that nothing but primitive arrays is made per line and no {@code String} at all:
 * <ul>
 * <li>A customer is a record in one {@code long[]} arena: {@code [first slot | first day] [month bits]
 * [key length | local index] [key bytes, 8 to a long...]}. The hash table holds {@code hash << 32 |
 * record offset}; ids compare as longs.</li>
 * <li>A slot (the sums of one customer in one period) is six longs: {@code [period key | next slot]
 * revenue, cost of goods, revenue without cost, [lines | returns], [first day | last day]}, and strategic
 * revenue, which few files have, in an array of its own made at the first strategic line. A customer's slots
 * form a chain from its record, newest first; customers have few periods. A partition's customers and slots
 * (about 100 and 350 KB for a 256th of a million customers) then fit beside its hash table in a processor's
 * second-level cache of 512 KB, where seven longs a slot did not.</li>
 * <li>Months with a purchase are bits of a {@code long} per customer for the 64 months from {@code monthBase};
 * months outside that window go to a set of {@code local index << 32 | month}.</li>
 * </ul>
 */
final class PartialTotals {

    /** Cost of goods not given for a line. */
    static final long NO_COST = Long.MIN_VALUE;
    /** No month base given (see {@link PurchaseScan}). */
    static final int UNSET = Integer.MIN_VALUE;

    static final int HEAD_FIRST = 0;
    static final int MONTHS = 1;
    static final int LENGTH_INDEX = 2;
    static final int KEY = 3;

    static final int LINK = 0;
    static final int REVENUE = 1;
    static final int COST = 2;
    static final int REVENUE_WITHOUT_COST = 3;
    static final int LINES_RETURNS = 4;
    static final int FIRST_LAST = 5;
    /** Longs per slot. */
    static final int SLOT = 6;

    /** The longest id in bytes. */
    static final int MAX_KEY_BYTES = 512;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    final int monthBase;
    final int fromDay;
    final int untilDay;

    long[] arena;
    /** The arena's used length; records start at 1, so that no table entry is 0. */
    int arenaSize = 1;
    int customers;
    private long[] table;
    private int tableMask;

    long[] slotData;
    /** Strategic revenue per slot, or {@code null} until a line in the date range is strategic. */
    long[] strategicData;
    int slots;
    int minPeriodKey = Integer.MAX_VALUE;
    int maxPeriodKey = Integer.MIN_VALUE;

    final LongHashSet monthsOutside = new LongHashSet();

    /** Lines added, whatever their day. */
    long lines;
    /** Lines added whose day lies in [fromDay, untilDay). */
    long linesInRange;

    /** Scratch for an id as longs. */
    private final long[] key = new long[MAX_KEY_BYTES / 8];

    /**
     * @param monthBase the first month ({@code year * 12 + month - 1}) of the 64 kept as bits
     * @param fromDay the first day (epoch day) whose lines count in the periods
     * @param untilDay the day after the last one (epoch day)
     * @param arenaLongs the expected size of {@link #arena} (the customers' records)
     * @param customers the expected number of customers
     * @param slots the expected number of customer periods
     * @param spare arrays no longer needed (the line blocks of a partition added up before), of any content:
     *        the customer records and the slots go into them when they are large enough (those taken are
     *        removed from the list). Memory the heap already has is cheaper than new memory, which the system
     *        hands over page by page; and these large arrays are not copied by young collections.
     */
    PartialTotals(int monthBase, int fromDay, int untilDay, int arenaLongs, int customers, int slots,
            List<long[]> spare) {
        this.monthBase = monthBase;
        this.fromDay = fromDay;
        this.untilDay = untilDay;
        slotData = reuse(spare, SLOT * Math.max(16, slots)); // the larger first
        arena = reuse(spare, Math.max(128, arenaLongs));
        int expected = Math.max(32, customers);
        table = new long[Integer.highestOneBit(expected * 3 / 2) << 1]; // at most two thirds full
        tableMask = table.length - 1;
    }

    /**
     * The smallest spare array of {@code length} to four times as many longs (taken from the list: a larger one
     * would hold on to too much memory), or a new one.
     */
    private static long[] reuse(List<long[]> spare, int length) {
        int best = -1;
        for (int i = 0; i < spare.size(); i++) {
            int size = spare.get(i).length;
            if (size >= length && size / 4 <= length && (best < 0 || size < spare.get(best).length)) {
                best = i;
            }
        }
        return best < 0 ? new long[length] : spare.remove(best);
    }

    /** The hash of an id; {@code bytes} must have 8 readable bytes past the id. */
    static int hash(byte[] bytes, int offset, int length) {
        long h = length * 0x9E3779B97F4A7C15L;
        int full = length >>> 3;
        for (int i = 0; i < full; i++) {
            h = (h ^ (long) LONGS.get(bytes, offset + (i << 3))) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        if ((length & 7) != 0) {
            h = (h ^ lastWord(bytes, offset + (full << 3), length)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        h *= 0x94D049BB133111EBL;
        return (int) (h >>> 32);
    }

    /** {@link #hash(byte[], int, int)} of an id of at most eight bytes given as its word. */
    static int hash(long word, int length) {
        long h = (length * 0x9E3779B97F4A7C15L ^ word) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        h *= 0x94D049BB133111EBL;
        return (int) (h >>> 32);
    }

    /** {@link #hash(byte[], int, int)} of an id given as words (the last one cleared past the id). */
    static int hash(long[] words, int from, int length) {
        int count = (length + 7) >>> 3;
        long h = length * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < count; i++) {
            h = (h ^ words[from + i]) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        h *= 0x94D049BB133111EBL;
        return (int) (h >>> 32);
    }

    /**
     * The id's bytes from {@code at} on as a long, the bytes past the id's end cleared (none when
     * {@code length} is a multiple of 8).
     */
    static long lastWord(byte[] bytes, int at, int length) {
        return (long) LONGS.get(bytes, at) & (-1L >>> (64 - ((length & 7) << 3)));
    }

    /** The id's {@code i}th word of 8 bytes (the last one with the bytes past the id cleared). */
    static long word(byte[] bytes, int offset, int length, int i) {
        long w = (long) LONGS.get(bytes, offset + (i << 3));
        return (i << 3) + 8 <= length ? w : w & (-1L >>> (64 - ((length & 7) << 3)));
    }

    /**
     * The customer record of an id given as bytes, or -1 when it is new ({@link #insert(byte[], int, int, int)}
     * adds it). {@code bytes} must have 8 readable bytes past the id.
     */
    int find(byte[] bytes, int offset, int length, int hash) {
        int words = (length + 7) >>> 3;
        for (int i = 0; i < words; i++) {
            key[i] = word(bytes, offset, length, i);
        }
        return find(key, 0, length, hash);
    }

    /** Adds a new id given as bytes (one {@link #find} did not find); returns its record. */
    int insert(byte[] bytes, int offset, int length, int hash) {
        int words = (length + 7) >>> 3;
        for (int i = 0; i < words; i++) {
            key[i] = word(bytes, offset, length, i);
        }
        return insert(key, 0, length, hash);
    }

    /** The customer record of an id given as words (the last one cleared past the id), or -1. */
    int find(long[] k, int kFrom, int length, int hash) {
        long[] t = table;
        int mask = tableMask;
        long[] a = arena;
        int words = (length + 7) >>> 3;
        for (int at = hash & mask;; at = (at + 1) & mask) {
            long entry = t[at];
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry >>> 32) == hash) {
                int record = (int) entry;
                if ((int) (a[record + LENGTH_INDEX] >>> 32) == length && (words == 1 ? a[record + KEY] == k[kFrom]
                        : Arrays.equals(a, record + KEY, record + KEY + words, k, kFrom, kFrom + words))) {
                    return record; // (most ids are one word: compared without the call)
                }
            }
        }
    }

    /** Adds a new id given as words; returns its record. */
    int insert(long[] k, int kFrom, int length, int hash) {
        int words = (length + 7) >>> 3;
        int record = arenaSize;
        if (record + KEY + words > arena.length) {
            long size = Math.max((long) arena.length * 2, (long) record + KEY + words);
            if (size > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("too many customers for one scan");
            }
            arena = Arrays.copyOf(arena, (int) size);
        }
        long[] a = arena;
        a[record + HEAD_FIRST] = (-1L << 32) | (Integer.MAX_VALUE & 0xFFFFFFFFL);
        a[record + MONTHS] = 0;
        a[record + LENGTH_INDEX] = ((long) length << 32) | customers;
        System.arraycopy(k, kFrom, a, record + KEY, words);
        arenaSize = record + KEY + words;
        customers++;
        place(table, tableMask, ((long) hash << 32) | record);
        if (customers * 3L > table.length * 2L) {
            long[] old = table;
            table = new long[old.length * 2];
            tableMask = table.length - 1;
            for (long entry : old) {
                if (entry != 0) {
                    place(table, tableMask, entry);
                }
            }
        }
        return record;
    }

    private static void place(long[] t, int mask, long entry) {
        int at = (int) (entry >>> 32) & mask;
        while (t[at] != 0) {
            at = (at + 1) & mask;
        }
        t[at] = entry;
    }

    /** The record after {@code record} in the arena (records are in the order customers came). */
    int nextRecord(int record) {
        return record + KEY + (((int) (arena[record + LENGTH_INDEX] >>> 32) + 7) >>> 3);
    }

    int keyLength(int record) {
        return (int) (arena[record + LENGTH_INDEX] >>> 32);
    }

    int localIndex(int record) {
        return (int) arena[record + LENGTH_INDEX];
    }

    /**
     * Adds one purchase line of the customer {@code record}. In pieces small enough to be compiled into the
     * caller's loop (the JIT inlines up to 325 bytes of bytecode; this was 433 in one): a month outside the bits,
     * a period other than the customer's newest and strategic revenue go through methods of their own, which
     * the usual line does not call.
     *
     * @param day the epoch day of the purchase
     * @param month the month, {@code year * 12 + month - 1}
     * @param periodKey the period, as {@link PeriodKeys} numbers it
     * @param revenue cents
     * @param cost cents, or {@link #NO_COST}
     * @param strategic whether the line's category is a strategic one
     */
    void add(int record, int day, int month, int periodKey, long revenue, long cost, boolean strategic) {
        lines++;
        long[] a = arena;
        long headFirst = a[record + HEAD_FIRST];
        int bit = month - monthBase;
        if ((bit & ~63) == 0) {
            a[record + MONTHS] |= 1L << bit;
        } else {
            monthOutside(record, month);
        }
        a[record + HEAD_FIRST] = headFirst & 0xFFFFFFFF00000000L | Math.min((int) headFirst, day) & 0xFFFFFFFFL;
        if (day < fromDay || day >= untilDay) {
            return;
        }
        linesInRange++;
        int slot = (int) (headFirst >>> 32);
        long[] s = slotData;
        if (slot < 0 || (int) (s[slot * SLOT + LINK] >>> 32) != periodKey) {
            slot = slot(record, periodKey, day);
            s = slotData;
        }
        sum(s, slot, day, revenue, cost, strategic);
    }

    /** Adds a line to a slot; {@code s} is {@link #slotData}. */
    private void sum(long[] s, int slot, int day, long revenue, long cost, boolean strategic) {
        int at = slot * SLOT;
        // Without branches where the data decides (10% of lines have no cost, days come in any order): a
        // mispredicted branch costs more than the arithmetic. noCost is all ones for a line without cost.
        long x = cost ^ NO_COST;
        long noCost = ~((x | -x) >> 63);
        s[at + REVENUE] = Math.addExact(s[at + REVENUE], revenue);
        s[at + REVENUE_WITHOUT_COST] = Math.addExact(s[at + REVENUE_WITHOUT_COST], revenue & noCost);
        s[at + COST] = Math.addExact(s[at + COST], cost & ~noCost);
        if (strategic) {
            addStrategic(slot, revenue);
        }
        s[at + LINES_RETURNS] += (1L << 32) | (revenue >>> 63);
        long firstLast = s[at + FIRST_LAST];
        s[at + FIRST_LAST] = ((long) Math.min(day, (int) (firstLast >>> 32)) << 32)
                | (Math.max(day, (int) firstLast) & 0xFFFFFFFFL);
    }

    private void monthOutside(int record, int month) {
        monthsOutside.add(((long) localIndex(record) << 32) | (month & 0xFFFFFFFFL));
    }

    /** The customer's slot of a period other than its newest: found along its chain, or made its new head. */
    private int slot(int record, int periodKey, int day) {
        long headFirst = arena[record + HEAD_FIRST];
        int head = (int) (headFirst >>> 32);
        for (int slot = head; slot >= 0;) {
            long link = slotData[slot * SLOT + LINK];
            if ((int) (link >>> 32) == periodKey) {
                return slot;
            }
            slot = (int) link;
        }
        int slot = newSlot(periodKey, head, day);
        arena[record + HEAD_FIRST] = (long) slot << 32 | headFirst & 0xFFFFFFFFL;
        return slot;
    }

    private void addStrategic(int slot, long revenue) {
        if (strategicData == null || strategicData.length < slotData.length / SLOT) {
            strategicData = Arrays.copyOf(strategicData == null ? new long[0] : strategicData, slotData.length / SLOT);
        }
        strategicData[slot] = Math.addExact(strategicData[slot], revenue);
    }

    /** Strategic revenue of a slot. */
    long strategic(int slot) {
        return strategicData == null || slot >= strategicData.length ? 0 : strategicData[slot];
    }

    private int newSlot(int periodKey, int next, int day) {
        int slot = slots;
        if ((slot + 1) * SLOT > slotData.length) {
            if (slot >= (Integer.MAX_VALUE >> 4)) {
                throw new IllegalStateException("too many customer periods for one scan");
            }
            slotData = Arrays.copyOf(slotData, (slotData.length / SLOT + (slotData.length / SLOT >> 1)) * SLOT);
        }
        int at = slot * SLOT;
        long[] s = slotData;
        s[at + LINK] = ((long) periodKey << 32) | (next & 0xFFFFFFFFL);
        // the array may have been used before (see the constructor): every field is set
        s[at + REVENUE] = 0;
        s[at + COST] = 0;
        s[at + REVENUE_WITHOUT_COST] = 0;
        s[at + LINES_RETURNS] = 0;
        s[at + FIRST_LAST] = ((long) day << 32) | (day & 0xFFFFFFFFL);
        slots = slot + 1;
        minPeriodKey = Math.min(minPeriodKey, periodKey);
        maxPeriodKey = Math.max(maxPeriodKey, periodKey);
        return slot;
    }
}
