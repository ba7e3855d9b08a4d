package org.moneytree.report.views.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.moneytree.api.report.PeriodResults;
import org.osgi.service.component.annotations.Component;

/**
 * The stored revenue and net profit of a period's customers in cents, ranked both ways, shared by the views of this
 * bundle: for a million customers reading the amounts and ranking them takes a few hundred milliseconds, which the
 * Pareto, whale and pyramid views would otherwise each spend on every request. Kept for the last few
 * {@link PeriodResults} seen, by identity (the report data hands out one instance per period and run) and weakly, so
 * that a period the report data dropped goes here too. An internal service: no other bundle sees its type.
 */
@Component(service = PeriodColumns.class)
public final class PeriodColumns {

    /** How many periods are kept. */
    static final int KEPT = 4;

    /**
     * A period's amounts, in the order of its stored tiers, and their rankings.
     *
     * @param revenue each customer's revenue in cents
     * @param netProfit each customer's net profit in cents
     * @param byRevenue the customers from the largest revenue down
     * @param byNetProfit the customers from the largest net profit down
     */
    record Columns(long[] revenue, long[] netProfit, Ranked byRevenue, Ranked byNetProfit) {
    }

    private record Entry(WeakReference<PeriodResults> results, CompletableFuture<Columns> columns) {
    }

    /** The most recently used last. */
    private final List<Entry> entries = new ArrayList<>();

    /** The columns of a period, computed by the first request that needs them while the others wait for them. */
    Columns of(PeriodResults results) {
        Entry entry = null;
        boolean ours = false;
        synchronized (entries) {
            for (Iterator<Entry> each = entries.iterator(); each.hasNext();) {
                Entry candidate = each.next();
                PeriodResults kept = candidate.results().get();
                if (kept == null || kept == results) {
                    each.remove();
                    entry = kept == null ? entry : candidate;
                }
            }
            if (entry == null) {
                entry = new Entry(new WeakReference<>(results), new CompletableFuture<>());
                ours = true;
            }
            entries.add(entry);
            while (entries.size() > KEPT) {
                entries.remove(0);
            }
        }
        if (ours) {
            try {
                long[] revenue = Amounts.revenue(results.tiers());
                long[] netProfit = Amounts.netProfit(results.tiers());
                entry.columns().complete(new Columns(revenue, netProfit, Ranked.descending(revenue),
                        Ranked.descending(netProfit)));
            } catch (RuntimeException | Error e) {
                entry.columns().completeExceptionally(e);
                synchronized (entries) {
                    entries.remove(entry);
                }
                throw e;
            }
        }
        return entry.columns().join();
    }
}
