package org.moneytree.report.views.internal;

import java.util.List;

import org.moneytree.api.report.PeriodResults;
import org.moneytree.api.report.ViewException;
import org.osgi.service.component.annotations.Component;

/**
 * The stored revenue and net profit of a period's customers in cents, ranked both ways, shared by the views of this
 * bundle: for a million customers reading the amounts and ranking them takes a few hundred milliseconds, which the
 * Pareto, whale and pyramid views would otherwise each spend on every request. Kept for the last few
 * {@link PeriodResults} seen (see {@link ResultsMemo}). An internal service: no other bundle sees its type.
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

    private final ResultsMemo<Columns> kept = new ResultsMemo<>(KEPT);

    /** The columns of a period, computed by the first request that needs them while the others wait for them. */
    Columns of(PeriodResults results) throws ViewException {
        return kept.get(List.of(results), "", () -> {
            long[] revenue = Amounts.revenue(results.tiers());
            long[] netProfit = Amounts.netProfit(results.tiers());
            return new Columns(revenue, netProfit, Ranked.descending(revenue), Ranked.descending(netProfit));
        });
    }
}
