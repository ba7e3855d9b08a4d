package org.moneytree.api.profit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One customer's profitability in one period, and the facts the scoring criteria read. Money is in the
 * dataset's currency, to the cent. A customer appears in a period when it bought or used a service activity
 * in it: a customer who only cost money (visits, no orders) is there with zero revenue.
 *
 * @param customerId the customer's id in the source system
 * @param period the period
 * @param revenue the sum of the period's purchase lines, returns included
 * @param costOfGoods what the goods sold cost (as given per line, or estimated by the cost model's share)
 * @param costToServe the sum of {@code costs}
 * @param costs the cost to serve by activity type, sorted by type; empty when the customer used none
 * @param purchaseLines purchase lines in the period
 * @param returnLines purchase lines with negative revenue in the period
 * @param firstPurchase the first purchase in the period, or {@code null} without purchases
 * @param lastPurchase the last purchase in the period, or {@code null} without purchases
 * @param previousRevenue revenue in the period before, for trends
 * @param customerSince the earliest of the customer's first purchase in the data and its first contact in the
 *        archive, or {@code null} when neither is known
 * @param activeMonths of the twelve months ending with the period, how many had a purchase (0 to 12)
 * @param strategicRevenue revenue in the categories configured as strategic
 */
public record CustomerProfit(String customerId, Period period, BigDecimal revenue, BigDecimal costOfGoods,
        BigDecimal costToServe, List<CostLine> costs, int purchaseLines, int returnLines, LocalDate firstPurchase,
        LocalDate lastPurchase, BigDecimal previousRevenue, LocalDate customerSince, int activeMonths,
        BigDecimal strategicRevenue) {

    public CustomerProfit {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(costOfGoods, "costOfGoods");
        Objects.requireNonNull(costToServe, "costToServe");
        Objects.requireNonNull(previousRevenue, "previousRevenue");
        Objects.requireNonNull(strategicRevenue, "strategicRevenue");
        costs = List.copyOf(costs);
        if (activeMonths < 0 || activeMonths > 12) {
            throw new IllegalArgumentException("activeMonths must be 0 to 12: " + activeMonths);
        }
    }

    /** Revenue less cost of goods. */
    public BigDecimal grossMargin() {
        return revenue.subtract(costOfGoods);
    }

    /** Gross margin less cost to serve: what the customer really earned the company. */
    public BigDecimal netProfit() {
        return grossMargin().subtract(costToServe);
    }

    /** Gross margin as a fraction of revenue (0.3125 for 31.25%), or {@code null} without positive revenue. */
    public BigDecimal grossMarginShare() {
        return share(grossMargin());
    }

    /** Net profit as a fraction of revenue, or {@code null} without positive revenue. */
    public BigDecimal netMarginShare() {
        return share(netProfit());
    }

    private BigDecimal share(BigDecimal amount) {
        return revenue.signum() <= 0 ? null : amount.divide(revenue, 4, RoundingMode.HALF_EVEN);
    }
}
