package org.moneytree.analysis.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.moneytree.api.profit.Concentration;
import org.moneytree.api.profit.CurvePoint;

/** The Pareto and whale curves and the Gini coefficient of one period, from amounts in cents. */
final class Concentrations {

    private static final int STEPS = 100;

    private Concentrations() {
    }

    static Concentration of(long[] revenueCents, long[] profitCents) {
        int customers = revenueCents.length;
        long[] revenueDescending = descending(revenueCents);
        long[] cumulativeRevenue = cumulative(revenueDescending);
        long[] cumulativeProfit = cumulative(descending(profitCents));
        long totalRevenue = customers == 0 ? 0 : cumulativeRevenue[customers - 1];
        long totalProfit = customers == 0 ? 0 : cumulativeProfit[customers - 1];
        int peakCustomers = 0;
        long peak = 0;
        int eroding = 0;
        for (int index = 0; index < customers; index++) {
            if (cumulativeProfit[index] > peak) {
                peak = cumulativeProfit[index];
                peakCustomers = index + 1;
            }
            eroding += profitCents[index] < 0 ? 1 : 0;
        }
        int topFifth = (customers + 4) / 5;
        return new Concentration(curve(cumulativeRevenue, totalRevenue, 0),
                curve(cumulativeProfit, totalProfit, peakCustomers),
                share(topFifth == 0 ? 0 : cumulativeRevenue[topFifth - 1], totalRevenue),
                share(topFifth == 0 ? 0 : cumulativeProfit[topFifth - 1], totalProfit),
                totalProfit > 0 ? (double) peak / totalProfit : 0, peakCustomers, eroding,
                giniOfDescending(revenueDescending));
    }

    /** A point at every whole percent of customers, and at {@code extra} customers when that is above 0. */
    private static List<CurvePoint> curve(long[] cumulative, long total, int extra) {
        int customers = cumulative.length;
        List<CurvePoint> points = new ArrayList<>(STEPS + 2);
        points.add(new CurvePoint(0, 0, 0));
        int last = 0;
        for (int step = 1; step <= STEPS && customers > 0; step++) {
            int count = (int) Math.ceil((double) customers * step / STEPS - 1e-9);
            if (extra > last && extra < count) {
                points.add(point(extra, cumulative, total));
            }
            if (count > last) {
                points.add(point(count, cumulative, total));
                last = count;
            }
        }
        return points;
    }

    private static CurvePoint point(int count, long[] cumulative, long total) {
        return new CurvePoint(count, (double) count / cumulative.length, share(cumulative[count - 1], total));
    }

    private static double share(long part, long total) {
        return total == 0 ? 0 : (double) part / total;
    }

    /**
     * The Gini coefficient of revenue, negative amounts counted as zero, from the revenue sorted from the
     * largest down: the ascending amounts are the descending ones read backwards, so no second sort.
     */
    private static double giniOfDescending(long[] descending) {
        int n = descending.length;
        if (n < 2) {
            return 0;
        }
        double weighted = 0;
        double total = 0;
        for (int index = 0; index < n; index++) {
            long amount = Math.max(0, descending[n - 1 - index]);
            weighted += (index + 1) * (double) amount;
            total += amount;
        }
        return total == 0 ? 0 : 2 * weighted / (n * total) - (n + 1.0) / n;
    }

    private static long[] descending(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int low = 0, high = sorted.length - 1; low < high; low++, high--) {
            long swap = sorted[low];
            sorted[low] = sorted[high];
            sorted[high] = swap;
        }
        return sorted;
    }

    private static long[] cumulative(long[] values) {
        long[] sums = new long[values.length];
        long running = 0;
        for (int index = 0; index < values.length; index++) {
            running += values[index];
            sums[index] = running;
        }
        return sums;
    }
}
