package org.moneytree.api.tier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.moneytree.api.figures.CustomerFigures;

/**
 * Customers and revenue per tier, and how concentrated revenue is. Shares are fractions of total revenue
 * (0.6812 for 68.12%), rounded to four decimals; with no revenue at all they are zero.
 *
 * @param customers the number of customers
 * @param totalRevenue total revenue of all customers
 * @param tiers one row per tier, platinum first, including tiers with no customers
 * @param topFifthRevenueShare the share of revenue of the top 20% of customers by revenue (the first
 *        {@code ceil(customers / 5)} customers in descending order of revenue)
 */
public record TierSummary(int customers, BigDecimal totalRevenue, List<TierRow> tiers, BigDecimal topFifthRevenueShare) {

    /**
     * One tier's row.
     *
     * @param tier the tier
     * @param customers customers in the tier
     * @param revenue their revenue
     * @param revenueShare their share of total revenue
     */
    public record TierRow(Tier tier, int customers, BigDecimal revenue, BigDecimal revenueShare) {
    }

    /**
     * Summarises a tiering.
     *
     * @param figures every customer's figures
     * @param assignments one assignment per customer in {@code figures}
     * @return the summary
     * @throws IllegalArgumentException when a customer has no assignment
     */
    public static TierSummary of(List<CustomerFigures> figures, List<TierAssignment> assignments) {
        Map<String, Tier> tierOf = new HashMap<>(assignments.size() * 2);
        for (TierAssignment assignment : assignments) {
            tierOf.put(assignment.customerId(), assignment.tier());
        }
        Map<Tier, BigDecimal> revenue = new EnumMap<>(Tier.class);
        Map<Tier, Integer> count = new EnumMap<>(Tier.class);
        BigDecimal total = BigDecimal.ZERO;
        for (CustomerFigures customer : figures) {
            Tier tier = tierOf.get(customer.customerId());
            if (tier == null) {
                throw new IllegalArgumentException("customer " + customer.customerId() + " has no tier");
            }
            revenue.merge(tier, customer.revenue(), BigDecimal::add);
            count.merge(tier, 1, Integer::sum);
            total = total.add(customer.revenue());
        }
        List<TierRow> rows = new ArrayList<>(Tier.values().length);
        for (Tier tier : Tier.values()) {
            BigDecimal tierRevenue = revenue.getOrDefault(tier, BigDecimal.ZERO);
            rows.add(new TierRow(tier, count.getOrDefault(tier, 0), tierRevenue, share(tierRevenue, total)));
        }
        List<BigDecimal> descending = figures.stream().map(CustomerFigures::revenue)
                .sorted(Comparator.reverseOrder()).toList();
        int topFifth = (descending.size() + 4) / 5;
        BigDecimal topRevenue = descending.stream().limit(topFifth).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new TierSummary(figures.size(), total, List.copyOf(rows), share(topRevenue, total));
    }

    private static BigDecimal share(BigDecimal part, BigDecimal total) {
        return total.signum() == 0 ? BigDecimal.ZERO.setScale(4) : part.divide(total, 4, RoundingMode.HALF_EVEN);
    }
}
