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
        customers = List.copyOf(customers);
    }

    /** The position of a customer in {@link #customers()}, or -1 when it has no figures in the period. */
    public int indexOf(String customerId) {
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
