package org.moneytree.api.profit;

import java.util.List;
import java.util.Objects;

/**
 * A period's profitability: every customer's figures, their totals and how concentrated they are.
 *
 * @param dataset the dataset analysed
 * @param period the period
 * @param costModel the id of the cost model that priced the activities
 * @param customers one entry per customer with purchases or activities in the period, sorted by customer id
 * @param totals the sums over {@code customers}
 * @param concentration the Pareto and whale curves and the Gini coefficient
 */
public record ProfitReport(String dataset, Period period, String costModel, List<CustomerProfit> customers,
        ProfitTotals totals, Concentration concentration) {

    public ProfitReport {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(costModel, "costModel");
        customers = customers instanceof CustomerFigures.View ? customers : List.copyOf(customers);
    }

    /**
     * A report whose customers are kept in columns: {@link #customers()} makes each record when it is read.
     *
     * @since 1.1
     */
    public ProfitReport(String dataset, Period period, String costModel, CustomerFigures figures, ProfitTotals totals,
            Concentration concentration) {
        this(dataset, period, costModel, figures.customers(), totals, concentration);
    }

    /**
     * The customers' figures in columns, in the order of {@link #customers()}: the fast way to read every
     * customer. For a report made from records they are made from the records on each call.
     *
     * @since 1.1
     */
    public CustomerFigures figures() {
        return customers instanceof CustomerFigures.View view ? view.figures() : CustomerFigures.of(period, customers);
    }

    /** The position of a customer in {@link #customers()}, or -1 when it has no figures in the period. */
    public int indexOf(String customerId) {
        if (customers instanceof CustomerFigures.View view) {
            return view.figures().indexOf(customerId);
        }
        int low = 0;
        int high = customers.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = customers.get(middle).customerId().compareTo(customerId);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }
}
