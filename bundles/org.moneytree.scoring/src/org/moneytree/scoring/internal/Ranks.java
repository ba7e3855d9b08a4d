package org.moneytree.scoring.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.scoring.Ranking;

/** How criteria turn customers' figures into values: percentile ranks, robust against a few huge customers. */
final class Ranks {

    private Ranks() {
    }

    /** One value per customer of the report, in its order. */
    static double[] each(ProfitReport report, ToDoubleFunction<CustomerProfit> value) {
        List<CustomerProfit> customers = report.customers();
        double[] values = new double[customers.size()];
        for (int index = 0; index < values.length; index++) {
            values[index] = value.applyAsDouble(customers.get(index));
        }
        return values;
    }

    /** The percentile of each customer's amount among the customers whose amount is positive; 0 for the rest. */
    static double[] percentilesOfPositive(ProfitReport report, Function<CustomerProfit, BigDecimal> amount) {
        List<CustomerProfit> customers = report.customers();
        double[] keys = new double[customers.size()];
        boolean[] eligible = new boolean[customers.size()];
        for (int index = 0; index < keys.length; index++) {
            BigDecimal value = amount.apply(customers.get(index));
            keys[index] = value.doubleValue();
            eligible[index] = value.signum() > 0;
        }
        return Ranking.percentiles(keys, eligible);
    }
}
