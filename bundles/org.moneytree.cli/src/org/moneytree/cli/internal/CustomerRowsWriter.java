package org.moneytree.cli.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Future;

import org.moneytree.api.profit.CustomerFigures;
import org.moneytree.api.scoring.Scores;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierAssignment;
import org.moneytree.api.tier.TierColumns;
import org.moneytree.api.tier.TieringResult;

/**
 * Writes the per-customer CSV of {@code analyze}: one row per customer and period, formatted from the
 * reports' figures in cents straight into bytes (the same text as {@code BigDecimal.toPlainString} and
 * {@link Formats}), in slices of customers formatted on several threads and written in order.
 */
final class CustomerRowsWriter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Customers per slice: a few megabytes of text. */
    private static final int SLICE = 16_384;

    private final List<String> activityTypes;
    private final List<String> criteria;
    private final Locale locale;
    private final int threads;
    /** Buffers of written slices, formatted into again: a few megabytes each, not one per slice. */
    private final java.util.concurrent.ConcurrentLinkedQueue<CsvBytes> buffers =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    CustomerRowsWriter(List<String> activityTypes, List<String> criteria, Locale locale, int threads) {
        this.activityTypes = List.copyOf(activityTypes);
        this.criteria = List.copyOf(criteria);
        this.locale = locale;
        this.threads = Math.max(1, threads);
    }

    /** Processor time of the formatting threads, in nanoseconds (for {@code --timings}). */
    private final AtomicLong formattingNanos = new AtomicLong();

    /** Writes the header and every result's rows; returns the processor time spent formatting, in nanoseconds. */
    long write(OutputStream file, List<String> header, List<TieringResult> results) throws IOException {
        CsvBytes head = new CsvBytes(1 << 12);
        for (String column : header) {
            head.text(column);
        }
        head.end();
        head.writeTo(file);
        ExecutorService pool = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "moneytree-csv");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ArrayDeque<Future<CsvBytes>> pending = new ArrayDeque<>();
            for (TieringResult result : results) {
                Rows rows = new Rows(result);
                for (int from = 0; from < rows.size(); from += SLICE) {
                    int start = from;
                    int end = Math.min(rows.size(), from + SLICE);
                    pending.add(pool.submit(() -> {
                        long started = THREADS.getCurrentThreadCpuTime();
                        CsvBytes slice = rows.format(start, end);
                        formattingNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - started);
                        return slice;
                    }));
                    if (pending.size() > threads * 2) {
                        written(done(pending.poll()), file);
                    }
                }
            }
            while (!pending.isEmpty()) {
                written(done(pending.poll()), file);
            }
        } finally {
            pool.shutdownNow();
        }
        return formattingNanos.get();
    }

    private void written(CsvBytes slice, OutputStream file) throws IOException {
        slice.writeTo(file);
        buffers.add(slice);
    }

    private static CsvBytes done(Future<CsvBytes> slice) throws IOException {
        try {
            return slice.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the per-customer results");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw new IOException(e.getCause());
        }
    }

    /** One result's rows, with what every row needs looked up once. */
    private final class Rows {

        private final Scores scores;
        private final CustomerFigures customers;
        private final List<TierAssignment> assignments;
        /** The assignments as columns, when the scheme gave them so. */
        private final TierColumns columns;
        private final CsvBytes.Utf8Field reasonBytes;
        private final byte[] period;
        /** The period's days as text, made once: every row has two. */
        private final byte[][] days;
        private final long firstDay;
        private final int[] criterionColumn;
        /** Per activity type, its columns; arrays, as iterators are objects made per row under C1. */
        private final CustomerFigures.CostColumn[][] costColumns;
        private final byte[][] tierIds = new byte[Tier.values().length][];
        private final byte[][] tierLabels = new byte[Tier.values().length][];

        Rows(TieringResult result) {
            scores = result.scores();
            customers = scores.report().figures();
            assignments = result.assignments();
            columns = TierColumns.over(assignments, customers);
            reasonBytes = columns == null ? null : columns::writeReason;
            period = CsvBytes.printed(scores.report().period().id());
            firstDay = scores.report().period().start().toEpochDay();
            days = new byte[(int) (scores.report().period().end().toEpochDay() - firstDay)][];
            for (int day = 0; day < days.length; day++) {
                days[day] = java.time.LocalDate.ofEpochDay(firstDay + day).toString()
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            }
            criterionColumn = new int[criteria.size()];
            for (int column = 0; column < criteria.size(); column++) {
                criterionColumn[column] = -1;
                for (int used = 0; used < scores.criteria().size(); used++) {
                    if (scores.criteria().get(used).id().equals(criteria.get(column))) {
                        criterionColumn[column] = used;
                    }
                }
            }
            // each type's columns in the order of a customer's cost lines: its first used one is its cost
            costColumns = new CustomerFigures.CostColumn[activityTypes.size()][];
            for (int type = 0; type < costColumns.length; type++) {
                List<CustomerFigures.CostColumn> ofType = new ArrayList<>();
                for (CustomerFigures.CostColumn column : customers.costs()) {
                    if (column.activityType().equals(activityTypes.get(type))) {
                        ofType.add(column);
                    }
                }
                costColumns[type] = ofType.toArray(new CustomerFigures.CostColumn[0]);
            }
            for (Tier tier : Tier.values()) {
                tierIds[tier.ordinal()] = CsvBytes.printed(tier.id());
                tierLabels[tier.ordinal()] = CsvBytes.printed(tier.label(locale));
            }
        }

        int size() {
            return customers.size();
        }

        private void date(CsvBytes csv, int day) {
            long offset = day - firstDay;
            if (day != CustomerFigures.NO_DAY && offset >= 0 && offset < days.length) {
                csv.raw(days[(int) offset]);
            } else {
                csv.date(day, day == CustomerFigures.NO_DAY);
            }
        }

        CsvBytes format(int from, int to) {
            CsvBytes csv = buffers.poll();
            if (csv == null) {
                csv = new CsvBytes((to - from) * 320);
            }
            for (int index = from; index < to; index++) {
                // from columns, the tier and the reason alone: no assignment record made for them
                TierAssignment assignment = columns == null ? assignments.get(index) : null;
                int tier = (columns == null ? assignment.tier() : columns.tier(index)).ordinal();
                long revenue = customers.revenueCents(index);
                long margin = customers.grossMarginCents(index);
                long profit = customers.netProfitCents(index);
                csv.raw(period).text(customers.customerId(index)).raw(tierIds[tier]).raw(tierLabels[tier])
                        .fixed(scores.score(index), 1).cents(revenue).cents(customers.costOfGoodsCents(index))
                        .cents(margin).cents(customers.costToServeCents(index)).cents(profit)
                        .percent(margin, revenue).percent(profit, revenue).integer(customers.purchaseLines(index))
                        .integer(customers.returnLines(index));
                int first = customers.firstPurchaseDay(index);
                int last = customers.lastPurchaseDay(index);
                date(csv, first);
                date(csv, last);
                for (CustomerFigures.CostColumn[] ofType : costColumns) {
                    long cents = 0;
                    for (CustomerFigures.CostColumn column : ofType) {
                        if (column.used(index)) {
                            cents = column.cents()[index];
                            break;
                        }
                    }
                    csv.cents(cents);
                }
                for (int column : criterionColumn) {
                    if (column < 0) {
                        csv.plain("");
                    } else {
                        csv.fixed(scores.value(column, index), 4);
                    }
                }
                if (columns == null) {
                    csv.text(assignment.reason()).end();
                } else {
                    // the reason's bytes straight into the row: no String made for it
                    csv.utf8(reasonBytes, index).end();
                }
            }
            return csv;
        }
    }
}
