package org.moneytree.analysis.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.moneytree.api.profit.AnalysisException;
import org.moneytree.api.profit.PeriodLength;
import org.moneytree.api.purchase.Purchase;

/**
 * Adds up purchase lines per customer and period: from a CSV file read in one pass by several threads
 * ({@link #fromFile}), or from {@link Purchase} records such as the store hands out ({@link #builder}). Both give
 * the same {@link PurchaseTotals} for the same lines.
 *
 * <p>Two steps, each with {@code threads} threads:
 * <ol>
 * <li>Reading: the file is split into regions of about {@value #REGION} bytes (one with one thread), which
 * the threads take in turn; each region is read by a {@link PurchaseLineParser} of its own, which checks every
 * line and appends it to {@link LineBuffers}, sorted by a hash of the customer id into partitions. Regions
 * start after a line break found near an even split. A line break found that way may lie
 * inside a quoted field (a quoted product name over two lines), which only the region before can tell: each
 * region's reader reports where its last record really ended, and when that is not where the next region
 * began, the rest of the file from that point is read again by one thread and the guessed regions' lines are
 * dropped. Line numbers in messages are the file's physical lines (as an editor shows them), made exact once
 * the regions' line counts are known.</li>
 * <li>Adding up: each partition's lines (the first region's first) go into a {@link PartialTotals} of its own,
 * small enough to stay in the processor's cache, and is copied into columns ({@link PurchaseTotals.Share}) by
 * the same thread right after, while still in its cache; a customer is in one partition only, so
 * {@link PurchaseTotals} just puts the partitions' columns side by side.</li>
 * </ol>
 * Memory: about 20 bytes per line while reading (200 MB for ten million lines), then about 60 bytes per customer
 * and period in the result.
 */
public final class PurchaseScan {

    /** Regions smaller than this are not worth a thread. */
    static final long MIN_REGION = 1 << 22;
    /**
     * With several threads, the size of the regions: each thread takes the next region when it has read one, so
     * that a thread held up (other work on the machine, or a slower processor) leaves its share to the others,
     * and the threads end within a region's reading time (about 20 ms here) of each other. With one region per
     * thread, the reading ended when the slower thread was done.
     */
    static final long REGION = 1 << 24;

    private PurchaseScan() {
    }

    /**
     * Reads a purchase file (see {@link PurchaseLineParser} for the format) and adds up its lines per customer
     * and period.
     *
     * @param csv the file: UTF-8 (a byte order mark is passed over), a header naming the columns, then one
     *        purchase per line
     * @param length the length of the periods
     * @param from the first day whose lines count in the periods, or {@code null} for no limit
     * @param until the day after the last one that counts, or {@code null} for no limit
     * @param strategicCategories the categories whose revenue is strategic, compared stripped and ignoring
     *        case; empty for none
     * @param threads how many threads read the file (1 or more; small files take one)
     * @throws AnalysisException when the file cannot be read or has problems: the message names the file, and
     *         of the first {@value ScanProblems#KEPT} problems the line, the field and what was expected, and
     *         how many problems there are in all; no figures are given for a file with problems
     */
    public static PurchaseTotals fromFile(Path csv, PeriodLength length, LocalDate from, LocalDate until,
            Set<String> strategicCategories, int threads) throws AnalysisException {
        String file = csv.getFileName() == null ? csv.toString() : csv.getFileName().toString();
        Set<String> strategic = normalised(strategicCategories);
        try (FileChannel channel = FileChannel.open(csv, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            PurchaseLineParser.Header header = PurchaseLineParser.header(channel, fileSize);
            if (header == null) {
                throw new AnalysisException(file + " is empty; expected a header line naming the columns (customer_id,"
                        + " order_date, revenue, ...) and then one purchase per line");
            }
            if (header.dataStart() < 0) {
                throw new AnalysisException(file + ": the header line is longer than "
                        + (PurchaseLineParser.MAX_LINE >> 20) + " MB; is this a CSV file?");
            }
            ScanProblems headerProblems = new ScanProblems();
            PurchaseColumns columns = PurchaseColumns.map(header.names(), headerProblems);
            if (headerProblems.count() > 0) {
                throw new AnalysisException(ScanProblems.message(file, headerProblems.kept(), headerProblems.count()));
            }

            long dataStart = header.dataStart();
            int regions = (int) Math.max(1, Math.min(Math.max(1, threads), (fileSize - dataStart) / MIN_REGION));
            if (regions > 1) {
                regions = (int) Math.min(1 << 16, Math.max(regions, (fileSize - dataStart) / REGION));
            }
            List<Long> starts = new ArrayList<>();
            starts.add(dataStart);
            for (int k = 1; k < regions; k++) {
                long guess = lineStartAfter(channel, dataStart + (fileSize - dataStart) * k / regions, fileSize);
                if (guess > starts.get(starts.size() - 1) && guess < fileSize) {
                    starts.add(guess);
                }
            }
            starts.add(fileSize);

            int count = starts.size() - 1;
            List<PurchaseLineParser> parsers = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                parsers.add(new PurchaseLineParser(file, columns, strategic));
            }
            Throwable[] failures = runAll(channel, parsers, starts, fileSize, Math.max(1, threads));

            // Each region in turn is right when the one before really ended where it began; at the first that is
            // not, the rest of the file is read again in one piece.
            for (int k = 0; k < count; k++) {
                if (k > 0 && parsers.get(k - 1).endPosition != starts.get(k)) {
                    long realStart = parsers.get(k - 1).endPosition;
                    PurchaseLineParser rest = new PurchaseLineParser(file, columns, strategic);
                    rest.scan(channel, realStart, fileSize, fileSize);
                    rest.releaseBuffers();
                    parsers.subList(k, count).clear();
                    parsers.add(rest);
                    break;
                }
                rethrow(failures[k]);
                if (parsers.get(k).fatal != null) {
                    break;
                }
            }

            long lines = header.newlines();
            List<ScanProblems.Problem> problems = new ArrayList<>();
            long problemCount = 0;
            for (PurchaseLineParser parser : parsers) {
                parser.problems.shift(lines);
                problemCount += parser.problems.count();
                for (ScanProblems.Problem problem : parser.problems.kept()) {
                    if (problems.size() < ScanProblems.KEPT) {
                        problems.add(problem);
                    }
                }
                if (parser.fatal != null) {
                    problems.add(new ScanProblems.Problem(lines + parser.fatalLine, null, parser.fatal));
                    problemCount++;
                    break;
                }
                lines += parser.newlines;
            }
            if (problemCount > 0) {
                throw new AnalysisException(ScanProblems.message(file, problems, problemCount));
            }
            List<LineBuffers> buffers = new ArrayList<>();
            for (PurchaseLineParser parser : parsers) {
                buffers.add(parser.lines);
            }
            return addUp(buffers, length, from, until, threads);
        } catch (NoSuchFileException e) {
            throw new AnalysisException("there is no file " + csv.toAbsolutePath());
        } catch (AccessDeniedException e) {
            throw new AnalysisException("not allowed to read " + csv.toAbsolutePath());
        } catch (IOException e) {
            throw new AnalysisException("could not read " + csv.toAbsolutePath() + ": " + e.getMessage(), e);
        } catch (ArithmeticException e) {
            throw new AnalysisException(file + ": the sums are too large to add up to the cent (more than"
                    + " 92,233,720,368,547,758.07)", e);
        } catch (IllegalStateException e) {
            throw new AnalysisException(file + ": " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            // what the scan held is unreachable by now; the message says what to do
            throw new AnalysisException(file + ": not enough memory for the analysis (reading takes about 20 bytes"
                    + " per purchase line, the result about 60 bytes per customer and period); give Java more"
                    + " (MONEYTREE_JAVA_OPTS=-Xmx4g) or analyse fewer periods (--period-length year)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalysisException("the analysis of " + file + " was interrupted", e);
        }
    }

    /**
     * Runs the parsers, region by region as threads become free: this thread and up to {@code threads - 1}
     * others; each thread reads its regions with one set of buffers.
     */
    private static Throwable[] runAll(FileChannel channel, List<PurchaseLineParser> parsers, List<Long> starts,
            long fileSize, int threads) throws InterruptedException {
        int count = parsers.size();
        Throwable[] failures = new Throwable[count];
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            PurchaseLineParser before = null;
            for (int region; (region = next.getAndIncrement()) < count;) {
                PurchaseLineParser parser = parsers.get(region);
                try {
                    parser.scan(channel, starts.get(region), starts.get(region + 1), fileSize, before);
                } catch (Throwable e) {
                    failures[region] = e;
                }
                before = parser;
            }
            if (before != null) {
                before.releaseBuffers();
            }
        };
        List<Thread> workers = new ArrayList<>();
        for (int t = 1; t < Math.min(threads, count); t++) {
            workers.add(Thread.ofPlatform().name("moneytree-scan-" + t).start(work));
        }
        try {
            work.run();
        } finally {
            for (Thread worker : workers) {
                worker.join();
            }
        }
        return failures;
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /** The position just after the first line break at or after {@code position}, or the file's size. */
    private static long lineStartAfter(FileChannel channel, long position, long fileSize) throws IOException {
        ByteBuffer window = ByteBuffer.allocate(1 << 16);
        for (long at = position; at < fileSize; at += window.limit()) {
            window.clear();
            if (channel.read(window, at) <= 0) {
                break;
            }
            window.flip();
            for (int i = 0; i < window.limit(); i++) {
                if (window.get(i) == '\n') {
                    return at + i + 1;
                }
            }
        }
        return fileSize;
    }

    /**
     * Adds up the lines the parsers read, partition by partition, each partition in one of {@code threads}
     * threads; the partitions' customers are distinct, so their sums only need putting side by side.
     */
    private static PurchaseTotals addUp(List<LineBuffers> parsers, PeriodLength length, LocalDate from,
            LocalDate until, int threads) throws InterruptedException {
        int minDay = Integer.MAX_VALUE;
        int maxDay = Integer.MIN_VALUE;
        for (LineBuffers lines : parsers) {
            minDay = Math.min(minDay, lines.minDay);
            maxDay = Math.max(maxDay, lines.maxDay);
        }
        // the lines' months, looked up from their days: from the last day's back, where the month bits are
        PeriodKeys.DayMonths months = minDay > maxDay ? new PeriodKeys.DayMonths(0, -1)
                : new PeriodKeys.DayMonths(Math.max(minDay, maxDay - PeriodKeys.DayMonths.DAYS + 1), maxDay);
        int monthBase = monthBase(from, until);
        if (monthBase == PartialTotals.UNSET) {
            monthBase = minDay > maxDay ? 0
                    : Math.max(PeriodKeys.monthOfDay(minDay), PeriodKeys.monthOfDay(maxDay) - 63);
        }
        int base = monthBase;
        int fromDay = from == null ? Integer.MIN_VALUE : (int) from.toEpochDay();
        int untilDay = until == null ? Integer.MAX_VALUE : (int) until.toEpochDay();
        PurchaseTotals.Share[] shares = new PurchaseTotals.Share[LineBuffers.PARTITIONS];
        Sizes sizes = new Sizes();
        AtomicInteger next = new AtomicInteger();
        RuntimeException[] failures = new RuntimeException[Math.max(1, threads)];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < Math.max(1, threads); t++) {
            int worker = t;
            Runnable work = () -> {
                try {
                    List<long[]> spare = new ArrayList<>();
                    for (int p; (p = next.getAndIncrement()) < LineBuffers.PARTITIONS;) {
                        shares[p] = addUp(parsers, p, length, months, base, fromDay, untilDay, sizes, spare);
                    }
                } catch (RuntimeException e) {
                    failures[worker] = e;
                }
            };
            if (t == 0) {
                continue;
            }
            workers.add(Thread.ofPlatform().name("moneytree-sum-" + t).start(work));
        }
        try {
            List<long[]> spare = new ArrayList<>();
            for (int p; (p = next.getAndIncrement()) < LineBuffers.PARTITIONS;) {
                shares[p] = addUp(parsers, p, length, months, base, fromDay, untilDay, sizes, spare);
            }
        } finally {
            for (Thread worker : workers) {
                worker.join();
            }
        }
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
        return PurchaseTotals.assemble(length, shares, base, threads);
    }

    /**
     * What the partitions added up so far needed per 1024 longs of lines: longs of customer records, customers
     * and customer periods. The next partitions are sized by it (the partitions of a file are alike), so that
     * their tables rarely grow: a grown table is a copy, and every new array is memory the system must hand
     * over page by page (page faults took about a tenth of the scan's time, measured). A hint only: threads
     * may read an older value.
     */
    private static final class Sizes {
        volatile int arenaLongs;
        volatile int customers;
        volatile int slots;

        PartialTotals create(int monthBase, int fromDay, int untilDay, long longs, List<long[]> spare) {
            if (customers == 0) {
                int lines = (int) Math.min(1 << 24, longs / 2);
                return new PartialTotals(monthBase, fromDay, untilDay, Math.max(32, lines / 16) * 4,
                        Math.max(32, lines / 16), Math.max(16, lines / 8), spare);
            }
            // a little more than seen, as partitions differ a little
            return new PartialTotals(monthBase, fromDay, untilDay, expected(longs, arenaLongs),
                    expected(longs, customers), expected(longs, slots), spare);
        }

        private static int expected(long longs, int per1024) {
            return (int) Math.min(1 << 26, (longs * per1024 >> 10) * 17 / 16 + 16);
        }

        void seen(long longs, PartialTotals share) {
            arenaLongs = (int) Math.max(1, ((long) share.arenaSize << 10) / longs);
            customers = (int) Math.max(1, ((long) share.customers << 10) / longs);
            slots = (int) Math.max(1, ((long) share.slots << 10) / longs);
        }
    }

    /**
     * Adds up one partition's lines, the first region's first, into columns; {@code null} for a partition
     * without lines. {@code spare} holds the line blocks and tables of the partition this thread added up
     * before, for the new tables; it ends with this partition's.
     */
    private static PurchaseTotals.Share addUp(List<LineBuffers> parsers, int partition, PeriodLength length,
            PeriodKeys.DayMonths months, int monthBase, int fromDay, int untilDay, Sizes sizes, List<long[]> spare) {
        long longs = 0;
        for (LineBuffers buffers : parsers) {
            longs += buffers.usedLongs(partition);
        }
        if (longs == 0) {
            return null;
        }
        PartialTotals share = sizes.create(monthBase, fromDay, untilDay, longs, spare);
        spare.clear();
        for (LineBuffers buffers : parsers) {
            for (int block = 0; block < buffers.blockCount[partition]; block++) {
                long[] lines = buffers.blocks[partition][block];
                int used = buffers.usedLength(partition, block);
                for (int at = 0; at < used;) {
                    long head = lines[at];
                    int day;
                    long revenue;
                    long cost;
                    boolean strategic = (head & 2) != 0;
                    int record;
                    if ((head & 1) != 0) {
                        // the usual line, in two longs (see LineBuffers)
                        long word = lines[at + 1];
                        int idLength = 8 - (Long.numberOfLeadingZeros(word) >>> 3);
                        day = ((int) head >>> 2 & 0x3FFFFF) + LineBuffers.MIN_DAY;
                        revenue = head >> 44;
                        long costBits = head << 20 >> 44;
                        cost = costBits == LineBuffers.NO_COST_20 ? PartialTotals.NO_COST : costBits;
                        int hash = PartialTotals.hash(word, idLength);
                        record = share.find(lines, at + 1, idLength, hash);
                        if (record < 0) {
                            record = share.insert(lines, at + 1, idLength, hash);
                        }
                        at += 2;
                    } else {
                        int idLength = (int) (head >>> 3) & 0x1FF;
                        day = (int) (head >>> 42) + LineBuffers.MIN_DAY;
                        int key;
                        if ((head & 4) != 0) {
                            long amounts = lines[at + 1];
                            revenue = amounts >> 32;
                            cost = (int) amounts == Integer.MIN_VALUE ? PartialTotals.NO_COST : (int) amounts;
                            key = at + 2;
                        } else {
                            revenue = lines[at + 1];
                            cost = lines[at + 2];
                            key = at + 3;
                        }
                        int hash = PartialTotals.hash(lines, key, idLength);
                        record = share.find(lines, key, idLength, hash);
                        if (record < 0) {
                            record = share.insert(lines, key, idLength, hash);
                        }
                        at = key + ((idLength + 7) >>> 3);
                    }
                    int month = months.month(day);
                    share.add(record, day, month, PeriodKeys.keyOfMonth(length, month), revenue, cost, strategic);
                }
            }
            for (int block = 0; block < buffers.blockCount[partition]; block++) {
                spare.add(buffers.blocks[partition][block]);
            }
            buffers.release(partition);
        }
        sizes.seen(longs, share);
        PurchaseTotals.Share done = new PurchaseTotals.Share(share);
        // the share's tables, just used, are the best memory for the next partition's
        spare.add(share.arena);
        spare.add(share.slotData);
        return done;
    }

    /**
     * The first month of the 64 whose purchases are kept as bits: the 64 up to {@code until}'s month, or from a
     * year before {@code from}; without either, {@link PartialTotals#UNSET}.
     */
    private static int monthBase(LocalDate from, LocalDate until) {
        if (until != null) {
            return PeriodKeys.month(until.minusDays(1)) - 63;
        }
        if (from != null) {
            return PeriodKeys.month(from) - 12;
        }
        return PartialTotals.UNSET;
    }

    private static Set<String> normalised(Set<String> categories) {
        return categories == null ? Set.of()
                : categories.stream().map(PurchaseLineParser::category).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * A builder fed with purchase records one by one, with the same rules as {@link #fromFile}.
     *
     * @param from the first day whose lines count in the periods, or {@code null}
     * @param until the day after the last one that counts, or {@code null}
     */
    public static Builder builder(PeriodLength length, LocalDate from, LocalDate until,
            Set<String> strategicCategories) {
        return new Builder(length, from, until, normalised(strategicCategories));
    }

    /**
     * Adds up the purchases that {@code source} hands to the consumer it is given, as in
     * {@code fromPurchases(sink -> store.forEachPurchase(dataset, sink), ...)}.
     */
    public static PurchaseTotals fromPurchases(Consumer<Consumer<Purchase>> source, PeriodLength length,
            LocalDate from, LocalDate until, Set<String> strategicCategories) {
        Builder builder = builder(length, from, until, strategicCategories);
        source.accept(builder::add);
        return builder.finish();
    }

    /**
     * Adds up purchases one by one, as the file scan does (sorted by customer into partitions, then added up
     * partition by partition), so that both give the same customers in the same order for the same lines. Not
     * thread-safe.
     */
    public static final class Builder {

        private final PeriodLength length;
        private final LocalDate from;
        private final LocalDate until;
        private final Set<String> strategic;
        private final Map<String, Boolean> categories = new HashMap<>();
        private LineBuffers lines = LineBuffers.forBytes(1 << 22);
        private final byte[] key = new byte[PartialTotals.MAX_KEY_BYTES + 8];

        private Builder(PeriodLength length, LocalDate from, LocalDate until, Set<String> strategic) {
            this.length = length;
            this.from = from;
            this.until = until;
            this.strategic = strategic;
        }

        /**
         * Adds one purchase line.
         *
         * @throws IllegalArgumentException when its customer id is longer than {@value PurchaseLineParser#MAX_ID_CHARS}
         *         characters
         * @throws ArithmeticException when an amount is beyond what cents in a {@code long} hold
         */
        public Builder add(Purchase purchase) {
            if (lines == null) {
                throw new IllegalStateException("finished");
            }
            String id = purchase.customerId();
            if (id.length() > PurchaseLineParser.MAX_ID_CHARS) {
                throw new IllegalArgumentException("customer id of " + id.length() + " characters; at most "
                        + PurchaseLineParser.MAX_ID_CHARS + " are taken: " + PurchaseLineParser.abbreviate(id));
            }
            byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(bytes, 0, key, 0, bytes.length);
            LocalDate date = purchase.date();
            long cost = purchase.costOfGoods() == null ? PartialTotals.NO_COST : cents(purchase.costOfGoods());
            boolean isStrategic = false;
            if (!strategic.isEmpty() && purchase.category() != null) {
                isStrategic = categories.computeIfAbsent(purchase.category(),
                        name -> strategic.contains(PurchaseLineParser.category(name)));
            }
            lines.add(PartialTotals.hash(key, 0, bytes.length), key, 0, bytes.length, (int) date.toEpochDay(),
                    cents(purchase.revenue()), cost, isStrategic);
            return this;
        }

        /**
         * The totals of the purchases added (added up with as many threads as there are processors, at most
         * four); the builder takes no more after this.
         *
         * @throws ArithmeticException when a sum grows beyond what cents in a {@code long} hold
         */
        public PurchaseTotals finish() {
            LineBuffers all = lines;
            lines = null;
            try {
                return addUp(List.of(all), length, from, until,
                        Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        private static long cents(BigDecimal amount) {
            return amount.setScale(2, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
        }
    }
}
