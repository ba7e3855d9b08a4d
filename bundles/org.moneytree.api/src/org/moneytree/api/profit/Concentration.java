package org.moneytree.api.profit;

import java.util.List;

/**
 * How concentrated a period's revenue and profit are. The Pareto curve ranks customers by revenue, the whale
 * curve by net profit, both from the best; each holds at most 101 points (every whole percent of customers)
 * plus, for the whale curve, its peak. Shares are fractions of the total and zero when the total is zero.
 *
 * @param pareto cumulative share of revenue against the cumulative share of customers ranked by revenue
 * @param whale cumulative share of net profit against the cumulative share of customers ranked by net profit
 * @param topFifthRevenueShare revenue share of the top 20% of customers by revenue ({@code ceil(n / 5)})
 * @param topFifthProfitShare net profit share of the top 20% of customers by net profit
 * @param whalePeakShare the whale curve's highest point: the largest cumulative profit, as a share of total
 *        net profit (2.5 means the profitable customers earn 250% of what the company keeps)
 * @param whalePeakCustomers how many customers, from the most profitable, make that peak
 * @param profitErodingCustomers customers with a negative net profit
 * @param revenueGini the Gini coefficient of revenue, negative revenue counted as zero: 0 when every customer
 *        brings the same, towards 1 when one customer brings everything
 */
public record Concentration(List<CurvePoint> pareto, List<CurvePoint> whale, double topFifthRevenueShare,
        double topFifthProfitShare, double whalePeakShare, int whalePeakCustomers, int profitErodingCustomers,
        double revenueGini) {

    public Concentration {
        pareto = List.copyOf(pareto);
        whale = List.copyOf(whale);
    }
}
