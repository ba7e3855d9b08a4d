package org.moneytree.api.profit;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The sums of a period's customers.
 *
 * @param customers customers in the period
 * @param purchaseLines purchase lines in the period
 * @param revenue total revenue
 * @param costOfGoods total cost of goods
 * @param costToServe total cost to serve
 * @param costByActivity cost to serve by activity type, sorted by type
 * @param profitableCustomers customers with a positive net profit
 */
public record ProfitTotals(int customers, long purchaseLines, BigDecimal revenue, BigDecimal costOfGoods,
        BigDecimal costToServe, Map<String, BigDecimal> costByActivity, int profitableCustomers) {

    public ProfitTotals {
        costByActivity = Map.copyOf(costByActivity);
    }

    /** Revenue less cost of goods. */
    public BigDecimal grossMargin() {
        return revenue.subtract(costOfGoods);
    }

    /** Gross margin less cost to serve. */
    public BigDecimal netProfit() {
        return grossMargin().subtract(costToServe);
    }
}
