package org.moneytree.analysis.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.moneytree.api.profit.Period;
import org.moneytree.api.profit.PeriodLength;

/**
 * The result of one scan of purchase lines ({@link PurchaseScan}): per customer and period the sums of the
 * lines, in columns of primitive arrays. Immutable, so it can be shared between threads.
 *
 * <p>Customers are numbered 0 to {@code customerCount() - 1} in an order that depends only on the input:
 * for a file, by a hash of the id and then by first appearance; for purchases handed to a builder, by first
 * appearance.
 * A <em>slot</em> holds one customer's lines in one period; slots are numbered so that each customer's are
 * consecutive ({@link #slotsStart} to {@link #slotsEnd}) and in time order. Only periods with purchases have
 * a slot. Money is in cents ({@code long}, rounded half-even to the cent per line, as the store keeps it);
 * days are epoch days ({@link LocalDate#toEpochDay()}).
 *
 * <p>Which lines count: every valid line counts for {@link #firstPurchase(int)}, {@link #activeMonths} and
 * {@link #lineCount()}; only lines in the scan's date range count in slots and {@link #linesInRange()}.
 * A customer whose lines all fall outside the range is there without slots.
 */
public final class PurchaseTotals {

    /** Writes an id's words (eight bytes, lowest first) into a byte array. */
    private static final VarHandle ID_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final PeriodLength length;
    private final long lineCount;
    private final long linesInRange;
    private final String[] customerIds;
    private final int[] customerFirstDay;
    private final long[] monthBits;
    private final int monthBase;
    private final LongHashSet monthsOutside;
    private final Period[] periods;
    private final int[] customerSlots;
    private final int[] slotCustomer;
    private final int[] slotPeriod;
    private final long[] revenue;
    private final long[] costOfGoods;
    private final long[] revenueWithoutCost;
    /** {@code null} when no line was strategic. */
    private final long[] strategicRevenue;
    private final int[] lines;
    private final int[] returnLines;
    private final int[] firstDay;
    private final int[] lastDay;
    private volatile int[] idTable;

    /**
     * Puts shares of customers side by side: customers and their slots in the order of the shares, within a
     * share in the order the customers came. No customer may be in two shares; all must share
     * {@code monthBase} (or have had no line).
     */
    private PurchaseTotals(PeriodLength length, Share[] given, int monthBase, int threads) {
        List<Share> shares = new ArrayList<>();
        for (Share share : given) {
            if (share != null) {
                shares.add(share);
            }
        }
        Arrays.fill(given, null);
        this.length = length;
        this.monthBase = monthBase == PartialTotals.UNSET ? 0 : monthBase;
        long allLines = 0;
        long inRange = 0;
        long customers = 0;
        long slots = 0;
        int minKey = Integer.MAX_VALUE;
        int maxKey = Integer.MIN_VALUE;
        for (Share share : shares) {
            if (share.lineCount > 0 && share.monthBase != this.monthBase) {
                throw new IllegalArgumentException("shares with different month windows");
            }
            allLines += share.lineCount;
            inRange += share.linesInRange;
            customers += share.ids.length;
            slots += share.periodKey.length;
            minKey = Math.min(minKey, share.minPeriodKey);
            maxKey = Math.max(maxKey, share.maxPeriodKey);
        }
        if (customers > Integer.MAX_VALUE - 16 || slots > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("too many customers or customer periods for one scan");
        }
        this.lineCount = allLines;
        this.linesInRange = inRange;

        // The periods with purchases, and each period key's index.
        int[] indexOfKey;
        if (slots == 0) {
            periods = new Period[0];
            indexOfKey = new int[0];
            minKey = 0;
        } else {
            indexOfKey = new int[maxKey - minKey + 1];
            Arrays.fill(indexOfKey, -1);
            for (Share share : shares) {
                for (int key : share.periodKey) {
                    indexOfKey[key - minKey] = 0;
                }
            }
            List<Period> found = new ArrayList<>();
            for (int k = 0; k < indexOfKey.length; k++) {
                if (indexOfKey[k] == 0) {
                    indexOfKey[k] = found.size();
                    found.add(PeriodKeys.period(length, minKey + k));
                }
            }
            periods = found.toArray(new Period[0]);
        }

        int customerCount = (int) customers;
        int slotCount = (int) slots;
        // With threads, the money columns are allocated by another thread meanwhile: the thread that allocates
        // an array zeroes it and takes the page faults of fresh heap memory (about 0.1 s for the 100 MB of a
        // 10M-line file, measured)
        long[][] money = new long[3][];
        Throwable[] failed = new Throwable[1];
        Runnable allocateMoney = () -> {
            try {
                for (int i = 0; i < money.length; i++) {
                    money[i] = new long[slotCount];
                }
            } catch (Throwable e) {
                failed[0] = e;
            }
        };
        Thread helper = threads > 1 ? Thread.ofPlatform().name("moneytree-assemble-0").start(allocateMoney) : null;
        if (helper == null) {
            allocateMoney.run();
        }
        customerIds = new String[customerCount];
        customerFirstDay = new int[customerCount];
        monthBits = new long[customerCount];
        monthsOutside = new LongHashSet();
        customerSlots = new int[customerCount + 1];
        slotCustomer = new int[slotCount];
        slotPeriod = new int[slotCount];
        lines = new int[slotCount];
        returnLines = new int[slotCount];
        firstDay = new int[slotCount];
        lastDay = new int[slotCount];
        if (helper != null) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (failed[0] instanceof RuntimeException e) {
            throw e;
        } else if (failed[0] instanceof Error e) {
            throw e;
        }
        revenue = money[0];
        costOfGoods = money[1];
        revenueWithoutCost = money[2];
        boolean strategicSeen = false;
        for (Share share : shares) {
            strategicSeen |= share.strategicRevenue != null;
        }
        long[] strategic = strategicSeen ? new long[slotCount] : null;

        // Each share fills its own range of customers and slots; with threads, several shares at once.
        int[] customerStart = new int[shares.size() + 1];
        int[] slotStart = new int[shares.size() + 1];
        for (int i = 0; i < shares.size(); i++) {
            customerStart[i + 1] = customerStart[i] + shares.get(i).ids.length;
            slotStart[i + 1] = slotStart[i] + shares.get(i).periodKey.length;
        }
        Share[] unfilled = shares.toArray(new Share[0]);
        shares.clear();
        LongHashSet[] outside = new LongHashSet[unfilled.length];
        int[] keyIndex = indexOfKey;
        int keyBase = minKey;
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            for (int i; (i = next.getAndIncrement()) < unfilled.length;) {
                fill(unfilled[i], customerStart[i], slotStart[i], keyIndex, keyBase, strategic);
                outside[i] = unfilled[i].monthsOutside;
                unfilled[i] = null; // done with: the collector may take it while the others are copied
            }
        };
        List<Thread> workers = new ArrayList<>();
        for (int t = 1; t < threads && unfilled.length > 1; t++) {
            workers.add(Thread.ofPlatform().name("moneytree-assemble-" + t).start(work));
        }
        work.run();
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        for (int i = 0; i < unfilled.length; i++) {
            int offset = customerStart[i];
            outside[i].forEach(value -> addMonth(offset + (int) (value >>> 32), (int) value));
        }
        customerSlots[customerCount] = slotCount;
        strategicRevenue = strategic;
    }

    /** A copy of {@code source} with its customers in the given order (see {@link #inOrder}). */
    private PurchaseTotals(PurchaseTotals source, int[] order, int threads) {
        int customerCount = order.length;
        if (customerCount != source.customerIds.length) {
            throw new IllegalArgumentException("an order of " + customerCount + " customers for "
                    + source.customerIds.length);
        }
        length = source.length;
        lineCount = source.lineCount;
        linesInRange = source.linesInRange;
        monthBase = source.monthBase;
        periods = source.periods;
        int slotCount = source.slotCustomer.length;
        customerIds = new String[customerCount];
        customerFirstDay = new int[customerCount];
        monthBits = new long[customerCount];
        customerSlots = new int[customerCount + 1];
        slotCustomer = new int[slotCount];
        slotPeriod = new int[slotCount];
        revenue = new long[slotCount];
        costOfGoods = new long[slotCount];
        revenueWithoutCost = new long[slotCount];
        strategicRevenue = source.strategicRevenue == null ? null : new long[slotCount];
        lines = new int[slotCount];
        returnLines = new int[slotCount];
        firstDay = new int[slotCount];
        lastDay = new int[slotCount];
        // where each new slot comes from: one scattered read per customer here, then each column is a gather
        // of its own (independent loads the processor overlaps; a customer's columns copied together stalled on
        // a cache miss per column, 0.9 s of processor time for a million customers)
        int[] slotSource = new int[slotCount];
        int slot = 0;
        for (int customer = 0; customer < customerCount; customer++) {
            customerSlots[customer] = slot;
            int old = order[customer];
            int end = source.customerSlots[old + 1];
            for (int oldSlot = source.customerSlots[old]; oldSlot < end; oldSlot++) {
                if (slot == slotCount) {
                    throw new IllegalArgumentException("the order is not a permutation of the customers");
                }
                slotCustomer[slot] = customer;
                slotSource[slot++] = oldSlot;
            }
        }
        customerSlots[customerCount] = slot;
        if (slot != slotCount) {
            throw new IllegalArgumentException("the order is not a permutation of the customers");
        }
        List<Runnable> gathers = new ArrayList<>();
        gathers.add(() -> gather(source.customerIds, customerIds, order));
        gathers.add(() -> gather(source.customerFirstDay, customerFirstDay, order));
        gathers.add(() -> gather(source.monthBits, monthBits, order));
        gathers.add(() -> gather(source.slotPeriod, slotPeriod, slotSource));
        gathers.add(() -> gather(source.revenue, revenue, slotSource));
        gathers.add(() -> gather(source.costOfGoods, costOfGoods, slotSource));
        gathers.add(() -> gather(source.revenueWithoutCost, revenueWithoutCost, slotSource));
        if (strategicRevenue != null) {
            gathers.add(() -> gather(source.strategicRevenue, strategicRevenue, slotSource));
        }
        gathers.add(() -> gather(source.lines, lines, slotSource));
        gathers.add(() -> gather(source.returnLines, returnLines, slotSource));
        gathers.add(() -> gather(source.firstDay, firstDay, slotSource));
        gathers.add(() -> gather(source.lastDay, lastDay, slotSource));
        int workers = Math.max(1, Math.min(threads, customerCount / 65_536 + 1));
        List<Thread> helpers = new ArrayList<>();
        for (int worker = 1; worker < workers; worker++) {
            int first = worker;
            helpers.add(Thread.ofPlatform().name("moneytree-order-" + worker).start(() -> {
                for (int column = first; column < gathers.size(); column += workers) {
                    gathers.get(column).run();
                }
            }));
        }
        for (int column = 0; column < gathers.size(); column += workers) {
            gathers.get(column).run();
        }
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        monthsOutside = new LongHashSet();
        if (source.monthsOutside.size() > 0) {
            int[] newIndex = new int[customerCount];
            for (int customer = 0; customer < customerCount; customer++) {
                newIndex[order[customer]] = customer;
            }
            source.monthsOutside.forEach(value -> monthsOutside.add(
                    ((long) newIndex[(int) (value >>> 32)] << 32) | (value & 0xFFFFFFFFL)));
        }
    }

    private static void gather(long[] from, long[] to, int[] sources) {
        for (int index = 0; index < to.length; index++) {
            to[index] = from[sources[index]];
        }
    }

    private static void gather(int[] from, int[] to, int[] sources) {
        for (int index = 0; index < to.length; index++) {
            to[index] = from[sources[index]];
        }
    }

    private static void gather(String[] from, String[] to, int[] sources) {
        for (int index = 0; index < to.length; index++) {
            to[index] = from[sources[index]];
        }
    }

    /**
     * The same totals with the customers renumbered: customer {@code i} of the copy is customer
     * {@code order[i]} of these, its slots following in that order. A report that goes through the customers
     * sorted by id reads the copy sorted the same way front to back; it read these at a scattered place per
     * customer and column, a cache miss each (about a second per yearly period of a million customers).
     *
     * @param order a permutation of {@code 0 .. customerCount() - 1}
     * @param threads how many threads may copy at once
     */
    public PurchaseTotals inOrder(int[] order, int threads) {
        return new PurchaseTotals(this, order, threads);
    }

    /** Copies one share's customers and slots to their places from {@code customer} and {@code slot} on. */
    private void fill(Share share, int customer, int slot, int[] indexOfKey, int minKey, long[] strategic) {
        int customers = share.ids.length;
        int slots = share.periodKey.length;
        System.arraycopy(share.ids, 0, customerIds, customer, customers);
        System.arraycopy(share.firstPurchase, 0, customerFirstDay, customer, customers);
        System.arraycopy(share.monthBits, 0, monthBits, customer, customers);
        for (int c = 0; c < customers; c++) {
            customerSlots[customer + c] = slot + share.slotsStart[c];
            for (int s = share.slotsStart[c]; s < share.slotsStart[c + 1]; s++) {
                slotCustomer[slot + s] = customer + c;
            }
        }
        for (int s = 0; s < slots; s++) {
            slotPeriod[slot + s] = indexOfKey[share.periodKey[s] - minKey];
        }
        System.arraycopy(share.revenue, 0, revenue, slot, slots);
        System.arraycopy(share.costOfGoods, 0, costOfGoods, slot, slots);
        System.arraycopy(share.revenueWithoutCost, 0, revenueWithoutCost, slot, slots);
        if (share.strategicRevenue != null) {
            System.arraycopy(share.strategicRevenue, 0, strategic, slot, slots);
        }
        System.arraycopy(share.lines, 0, lines, slot, slots);
        System.arraycopy(share.returnLines, 0, returnLines, slot, slots);
        System.arraycopy(share.firstDay, 0, firstDay, slot, slots);
        System.arraycopy(share.lastDay, 0, lastDay, slot, slots);
    }

    /**
     * One share's customers and slots in the columns' form, each customer's slots in time order: slots by
     * period key, customers numbered within the share. Made by the thread that added the share up, right
     * after, while the share's tables are still in that processor's cache: made later, when every share was
     * added up, reading a share's slots (in the order of its customers' chains) was a cache miss per slot, most
     * of the time of putting the shares together (about a tenth of a scan of ten million lines, measured).
     * {@link PurchaseTotals#assemble} then copies columns.
     */
    static final class Share {

        final long lineCount;
        final long linesInRange;
        final int monthBase;
        final int minPeriodKey;
        final int maxPeriodKey;
        final LongHashSet monthsOutside;
        final String[] ids;
        final int[] firstPurchase;
        final long[] monthBits;
        /** Per customer, its first slot; then the number of slots. */
        final int[] slotsStart;
        final int[] periodKey;
        final long[] revenue;
        final long[] costOfGoods;
        final long[] revenueWithoutCost;
        /** {@code null} when no line of the share was strategic. */
        final long[] strategicRevenue;
        final int[] lines;
        final int[] returnLines;
        final int[] firstDay;
        final int[] lastDay;

        /** Copies the sums of a share, which is not changed after. */
        Share(PartialTotals sums) {
            lineCount = sums.lines;
            linesInRange = sums.linesInRange;
            monthBase = sums.monthBase;
            minPeriodKey = sums.minPeriodKey;
            maxPeriodKey = sums.maxPeriodKey;
            monthsOutside = sums.monthsOutside;
            int customers = sums.customers;
            int slots = sums.slots;
            ids = new String[customers];
            firstPurchase = new int[customers];
            monthBits = new long[customers];
            slotsStart = new int[customers + 1];
            periodKey = new int[slots];
            revenue = new long[slots];
            costOfGoods = new long[slots];
            revenueWithoutCost = new long[slots];
            strategicRevenue = sums.strategicData != null ? new long[slots] : null;
            lines = new int[slots];
            returnLines = new int[slots];
            firstDay = new int[slots];
            lastDay = new int[slots];

            byte[] bytes = new byte[PartialTotals.MAX_KEY_BYTES + 8];
            long[] chain = new long[16];
            long[] arena = sums.arena;
            long[] data = sums.slotData;
            int customer = 0;
            int slot = 0;
            for (int record = 1; record < sums.arenaSize; record = sums.nextRecord(record), customer++) {
                int keyLength = sums.keyLength(record);
                long high = 0;
                for (int i = 0; i < (keyLength + 7) >>> 3; i++) {
                    high |= arena[record + PartialTotals.KEY + i];
                }
                for (int i = 0; i < keyLength; i += 8) { // eight bytes at a time (most ids are one word)
                    ID_BYTES.set(bytes, i, arena[record + PartialTotals.KEY + (i >>> 3)]);
                }
                // ASCII (the usual case) needs no decoding
                ids[customer] = new String(bytes, 0, keyLength, (high & 0x8080808080808080L) == 0
                        ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
                long headFirst = arena[record + PartialTotals.HEAD_FIRST];
                firstPurchase[customer] = (int) headFirst;
                monthBits[customer] = arena[record + PartialTotals.MONTHS];
                slotsStart[customer] = slot;
                // the customer's slots, newest first in the chain, in time order: (period key << 32 | slot)
                int count = 0;
                for (int s = (int) (headFirst >>> 32); s >= 0;
                        s = (int) data[s * PartialTotals.SLOT + PartialTotals.LINK]) {
                    if (count == chain.length) {
                        chain = Arrays.copyOf(chain, count * 2);
                    }
                    chain[count++] = (data[s * PartialTotals.SLOT + PartialTotals.LINK] & 0xFFFFFFFF00000000L) | s;
                }
                for (int i = 1; i < count; i++) { // few periods: insertion sort
                    long value = chain[i];
                    int j = i - 1;
                    for (; j >= 0 && chain[j] > value; j--) {
                        chain[j + 1] = chain[j];
                    }
                    chain[j + 1] = value;
                }
                for (int i = 0; i < count; i++, slot++) {
                    int at = (int) chain[i] * PartialTotals.SLOT;
                    periodKey[slot] = (int) (chain[i] >>> 32);
                    revenue[slot] = data[at + PartialTotals.REVENUE];
                    costOfGoods[slot] = data[at + PartialTotals.COST];
                    revenueWithoutCost[slot] = data[at + PartialTotals.REVENUE_WITHOUT_COST];
                    if (strategicRevenue != null) {
                        strategicRevenue[slot] = sums.strategic((int) chain[i]);
                    }
                    long linesReturns = data[at + PartialTotals.LINES_RETURNS];
                    lines[slot] = (int) (linesReturns >>> 32);
                    returnLines[slot] = (int) linesReturns;
                    long firstLast = data[at + PartialTotals.FIRST_LAST];
                    firstDay[slot] = (int) (firstLast >>> 32);
                    lastDay[slot] = (int) firstLast;
                }
            }
            slotsStart[customers] = slot;
        }
    }

    private void addMonth(int customer, int month) {
        int bit = month - monthBase;
        if ((bit & ~63) == 0) {
            monthBits[customer] |= 1L << bit;
        } else {
            monthsOutside.add(((long) customer << 32) | (month & 0xFFFFFFFFL));
        }
    }

    /**
     * Puts shares of customers side by side (see the constructor), skipping {@code null}s; the shares are
     * used up: the array is cleared, and each share let go of as soon as it is copied.
     *
     * @param monthBase the month base all shares with lines use
     * @param threads how many threads may copy shares at once
     */
    static PurchaseTotals assemble(PeriodLength length, Share[] shares, int monthBase, int threads) {
        return new PurchaseTotals(length, shares, monthBase, threads);
    }

    /** Cents as an amount of money with two decimals. */
    public static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    public PeriodLength length() {
        return length;
    }

    /** Valid purchase lines read, whatever their day. */
    public long lineCount() {
        return lineCount;
    }

    /** Valid purchase lines in the scan's date range: the lines the slots add up. */
    public long linesInRange() {
        return linesInRange;
    }

    public int customerCount() {
        return customerIds.length;
    }

    public String customerId(int customer) {
        return customerIds[customer];
    }

    /** The customer with the given id, or -1. */
    public int customerIndex(String id) {
        int[] table = idTable;
        if (table == null) {
            table = buildIdTable();
        }
        int mask = table.length - 1;
        for (int at = spread(id.hashCode()) & mask; table[at] != 0; at = (at + 1) & mask) {
            if (customerIds[table[at] - 1].equals(id)) {
                return table[at] - 1;
            }
        }
        return -1;
    }

    private synchronized int[] buildIdTable() {
        if (idTable == null) {
            int[] table = new int[Integer.highestOneBit(Math.max(4, customerIds.length * 2 - 1)) << 1];
            int mask = table.length - 1;
            for (int c = 0; c < customerIds.length; c++) {
                int at = spread(customerIds[c].hashCode()) & mask;
                while (table[at] != 0) {
                    at = (at + 1) & mask;
                }
                table[at] = c + 1;
            }
            idTable = table;
        }
        return idTable;
    }

    private static int spread(int hash) {
        return hash * 0x9E3779B1 ^ (hash >>> 16);
    }

    /** The customer's first purchase among all valid lines read (inside the date range or not). */
    public LocalDate firstPurchase(int customer) {
        return LocalDate.ofEpochDay(customerFirstDay[customer]);
    }

    public int firstPurchaseDay(int customer) {
        return customerFirstDay[customer];
    }

    /**
     * Of the twelve calendar months ending with {@code lastMonth}, how many had a purchase by the customer
     * (0 to 12), counting all valid lines read.
     */
    public int activeMonths(int customer, YearMonth lastMonth) {
        return activeMonths(customer, monthKey(lastMonth));
    }

    /** As {@link #activeMonths(int, YearMonth)}, the last month as a month key ({@link #monthKey}). */
    public int activeMonths(int customer, int last) {
        int firstBit = last - 11 - monthBase;
        if (firstBit >= 0 && firstBit + 11 <= 63) {
            return Long.bitCount((monthBits[customer] >>> firstBit) & 0xFFF);
        }
        int count = 0;
        for (int month = last - 11; month <= last; month++) {
            int bit = month - monthBase;
            if ((bit & ~63) == 0) {
                count += (int) (monthBits[customer] >>> bit) & 1;
            } else if (monthsOutside.contains(((long) customer << 32) | (month & 0xFFFFFFFFL))) {
                count++;
            }
        }
        return count;
    }

    /** A month as {@link #activeMonths(int, int)} takes it. */
    public static int monthKey(YearMonth month) {
        return PeriodKeys.month(month.getYear(), month.getMonthValue());
    }

    /** The periods with purchases in the date range, in time order. */
    public List<Period> periods() {
        return Collections.unmodifiableList(Arrays.asList(periods));
    }

    public int periodCount() {
        return periods.length;
    }

    public Period period(int periodIndex) {
        return periods[periodIndex];
    }

    /** The index of a period in {@link #periods()}, or -1 when it has no purchases or another length. */
    public int periodIndex(Period period) {
        int index = Arrays.binarySearch(periods, period);
        return index >= 0 ? index : -1;
    }

    public int slotCount() {
        return slotCustomer.length;
    }

    /** The customer's first slot. */
    public int slotsStart(int customer) {
        return customerSlots[customer];
    }

    /** After the customer's last slot; {@code slotsStart == slotsEnd} for a customer without slots. */
    public int slotsEnd(int customer) {
        return customerSlots[customer + 1];
    }

    /** The customer's slot for the period, or -1 when it bought nothing in it. */
    public int slot(int customer, Period period) {
        int index = periodIndex(period);
        return index < 0 ? -1 : slot(customer, index);
    }

    /** The customer's slot for the period with the given index, or -1. */
    public int slot(int customer, int periodIndex) {
        int index = Arrays.binarySearch(slotPeriod, customerSlots[customer], customerSlots[customer + 1], periodIndex);
        return index >= 0 ? index : -1;
    }

    public int slotCustomer(int slot) {
        return slotCustomer[slot];
    }

    public int slotPeriodIndex(int slot) {
        return slotPeriod[slot];
    }

    public Period slotPeriod(int slot) {
        return periods[slotPeriod[slot]];
    }

    /** The sum of the revenue of the slot's lines, returns included. */
    public long revenueCents(int slot) {
        return revenue[slot];
    }

    /** The sum of the cost of goods of the slot's lines that give one. */
    public long costOfGoodsCents(int slot) {
        return costOfGoods[slot];
    }

    /** The revenue of the slot's lines that give no cost of goods (for a cost model's estimate). */
    public long revenueWithoutCostCents(int slot) {
        return revenueWithoutCost[slot];
    }

    /** The revenue of the slot's lines whose category is a strategic one. */
    public long strategicRevenueCents(int slot) {
        return strategicRevenue == null ? 0 : strategicRevenue[slot];
    }

    public int lines(int slot) {
        return lines[slot];
    }

    /** Lines with negative revenue. */
    public int returnLines(int slot) {
        return returnLines[slot];
    }

    public int firstDay(int slot) {
        return firstDay[slot];
    }

    public int lastDay(int slot) {
        return lastDay[slot];
    }

    /** The first purchase in the slot's period. */
    public LocalDate slotFirstPurchase(int slot) {
        return LocalDate.ofEpochDay(firstDay[slot]);
    }

    /** The last purchase in the slot's period. */
    public LocalDate slotLastPurchase(int slot) {
        return LocalDate.ofEpochDay(lastDay[slot]);
    }

    @Override
    public String toString() {
        return "PurchaseTotals[" + length.id() + ", " + lineCount + " lines, " + customerIds.length + " customers, "
                + periods.length + " periods, " + slotCount() + " slots]";
    }
}
