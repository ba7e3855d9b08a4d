package org.moneytree.api.tier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.moneytree.api.profit.CustomerFigures;
import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.profit.ProfitReport;

/**
 * Customers, revenue and net profit per tier. Shares are fractions of the total (0.6812 for 68.12%), rounded
 * to four decimals; with a total of zero they are zero.
 *
 * @param customers the number of customers
 * @param totalRevenue total revenue of all customers
 * @param totalNetProfit total net profit of all customers
 * @param tiers one row per tier, platinum first, including tiers with no customers
 */
public record TierSummary(int customers, BigDecimal totalRevenue, BigDecimal totalNetProfit, List<TierRow> tiers) {

    public TierSummary {
        tiers = List.copyOf(tiers);
    }

    /**
     * One tier's row.
     *
     * @param tier the tier
     * @param customers customers in the tier
     * @param revenue their revenue
     * @param revenueShare their share of total revenue
     * @param netProfit their net profit
     * @param netProfitShare their share of total net profit (above 1 or below 0 when other tiers lose money)
     */
    public record TierRow(Tier tier, int customers, BigDecimal revenue, BigDecimal revenueShare, BigDecimal netProfit,
            BigDecimal netProfitShare) {
    }

    /**
     * Summarises a tiering.
     *
     * @param customers every customer's profitability
     * @param assignments one assignment per customer
     * @throws IllegalArgumentException when a customer has no assignment
     */
    public static TierSummary of(List<CustomerProfit> customers, List<TierAssignment> assignments) {
        // assignments in the customers' order (as the tiering service gives them) need no map
        boolean sameOrder = assignments.size() == customers.size();
        for (int index = 0; sameOrder && index < customers.size(); index++) {
            sameOrder = customers.get(index).customerId().equals(assignments.get(index).customerId());
        }
        Map<String, Tier> tierOf = new HashMap<>(sameOrder ? 0 : assignments.size() * 2);
        if (!sameOrder) {
            for (TierAssignment assignment : assignments) {
                tierOf.put(assignment.customerId(), assignment.tier());
            }
        }
        Map<Tier, BigDecimal> revenue = new EnumMap<>(Tier.class);
        Map<Tier, BigDecimal> profit = new EnumMap<>(Tier.class);
        Map<Tier, Integer> count = new EnumMap<>(Tier.class);
        BigDecimal totalRevenue = BigDecimal.ZERO;
        BigDecimal totalProfit = BigDecimal.ZERO;
        for (int index = 0; index < customers.size(); index++) {
            CustomerProfit customer = customers.get(index);
            Tier tier = sameOrder ? assignments.get(index).tier() : tierOf.get(customer.customerId());
            if (tier == null) {
                throw new IllegalArgumentException("customer " + customer.customerId() + " has no tier");
            }
            revenue.merge(tier, customer.revenue(), BigDecimal::add);
            profit.merge(tier, customer.netProfit(), BigDecimal::add);
            count.merge(tier, 1, Integer::sum);
            totalRevenue = totalRevenue.add(customer.revenue());
            totalProfit = totalProfit.add(customer.netProfit());
        }
        List<TierRow> rows = new ArrayList<>(Tier.values().length);
        for (Tier tier : Tier.values()) {
            BigDecimal tierRevenue = revenue.getOrDefault(tier, BigDecimal.ZERO);
            BigDecimal tierProfit = profit.getOrDefault(tier, BigDecimal.ZERO);
            rows.add(new TierRow(tier, count.getOrDefault(tier, 0), tierRevenue, share(tierRevenue, totalRevenue),
                    tierProfit, share(tierProfit, totalProfit)));
        }
        return new TierSummary(customers.size(), totalRevenue, totalProfit, rows);
    }

    /**
     * Summarises a tiering of a report, reading its figures in cents; the same as
     * {@link #of(List, List)} with the report's customers.
     *
     * @param report the period's profitability
     * @param assignments one assignment per customer
     * @throws IllegalArgumentException when a customer has no assignment
     * @since 2.1
     */
    public static TierSummary of(ProfitReport report, List<TierAssignment> assignments) {
        CustomerFigures figures = report.figures();
        if (figures.madeFromRecords()) {
            return of(report.customers(), assignments);
        }
        int size = figures.size();
        // columns over these figures are in their order, and give their tiers without writing reasons
        TierColumns columns = TierColumns.over(assignments, figures);
        boolean sameOrder = assignments.size() == size;
        for (int index = 0; columns == null && sameOrder && index < size; index++) {
            sameOrder = figures.customerId(index).equals(assignments.get(index).customerId());
        }
        if (!sameOrder) {
            return of(report.customers(), assignments);
        }
        int tiers = Tier.values().length;
        long[] revenue = new long[tiers];
        long[] profit = new long[tiers];
        int[] count = new int[tiers];
        for (int index = 0; index < size; index++) {
            int tier = (columns != null ? columns.tier(index) : assignments.get(index).tier()).ordinal();
            revenue[tier] = Math.addExact(revenue[tier], figures.revenueCents(index));
            profit[tier] = Math.addExact(profit[tier], figures.netProfitCents(index));
            count[tier]++;
        }
        long revenueSum = 0;
        long profitSum = 0;
        for (int tier = 0; tier < tiers; tier++) {
            revenueSum = Math.addExact(revenueSum, revenue[tier]);
            profitSum = Math.addExact(profitSum, profit[tier]);
        }
        // as the sums of BigDecimal.ZERO and amounts to the cent: ZERO when nothing was added
        BigDecimal totalRevenue = size == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(revenueSum, 2);
        BigDecimal totalProfit = size == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(profitSum, 2);
        List<TierRow> rows = new ArrayList<>(tiers);
        for (Tier tier : Tier.values()) {
            int at = tier.ordinal();
            BigDecimal tierRevenue = count[at] == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(revenue[at], 2);
            BigDecimal tierProfit = count[at] == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(profit[at], 2);
            rows.add(new TierRow(tier, count[at], tierRevenue, share(tierRevenue, totalRevenue), tierProfit,
                    share(tierProfit, totalProfit)));
        }
        return new TierSummary(size, totalRevenue, totalProfit, rows);
    }

    private static BigDecimal share(BigDecimal part, BigDecimal total) {
        return total.signum() == 0 ? BigDecimal.ZERO.setScale(4) : part.divide(total, 4, RoundingMode.HALF_EVEN);
    }
}
