package org.moneytree.scoring.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.profit.ProfitReport;

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
        return percentiles(keys, eligible);
    }

    /**
     * The percentile rank of each key among the eligible ones, from 0 (lowest) to 1 (highest); ties share
     * their mean rank, a single eligible key gets 1, and ineligible keys get 0.
     */
    static double[] percentiles(double[] keys, boolean[] eligible) {
        int count = 0;
        for (boolean is : eligible) {
            count += is ? 1 : 0;
        }
        double[] sorted = new double[count];
        int next = 0;
        for (int index = 0; index < keys.length; index++) {
            if (eligible[index]) {
                sorted[next++] = keys[index];
            }
        }
        Arrays.sort(sorted);
        double[] values = new double[keys.length];
        for (int index = 0; index < keys.length; index++) {
            if (!eligible[index]) {
                continue;
            }
            if (count == 1) {
                values[index] = 1;
                continue;
            }
            int first = lowerBound(sorted, keys[index]);
            int last = upperBound(sorted, keys[index]) - 1;
            values[index] = (first + last) / 2.0 / (count - 1);
        }
        return values;
    }

    private static int lowerBound(double[] sorted, double key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static int upperBound(double[] sorted, double key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
