package org.moneytree.scoring.internal;

import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;

import org.moneytree.api.profit.CustomerFigures;
import org.moneytree.api.scoring.Ranking;

/**
 * How criteria turn customers' figures into values: percentile ranks, robust against a few huge customers.
 * They read the report's figures in columns (cents), never a million {@code CustomerProfit} records; an amount
 * in cents divided by 100.0 is the same double as the amount's {@code BigDecimal.doubleValue()}.
 */
final class Ranks {

    private Ranks() {
    }

    /** One value per customer of the figures, in their order. */
    static double[] each(CustomerFigures figures, IntToDoubleFunction value) {
        double[] values = new double[figures.size()];
        for (int index = 0; index < values.length; index++) {
            values[index] = value.applyAsDouble(index);
        }
        return values;
    }

    /** The percentile of each customer's amount among the customers whose amount is positive; 0 for the rest. */
    static double[] percentilesOfPositive(CustomerFigures figures, IntToLongFunction cents) {
        double[] keys = new double[figures.size()];
        boolean[] eligible = new boolean[figures.size()];
        for (int index = 0; index < keys.length; index++) {
            long value = cents.applyAsLong(index);
            keys[index] = value / 100.0;
            eligible[index] = value > 0;
        }
        return Ranking.percentiles(keys, eligible);
    }
}
