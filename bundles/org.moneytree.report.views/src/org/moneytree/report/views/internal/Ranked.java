package org.moneytree.report.views.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.moneytree.api.scoring.Ranking;

/**
 * Customers ranked by an amount from the largest down, with the running sums that concentration curves read: the
 * Pareto curve (revenue), the whale curve (net profit), deciles, the Gini coefficient. The same definitions as the
 * analysis's own concentration figures (top 20% is {@code ceil(n / 5)} customers, the whale peak is the first
 * highest running sum, Gini counts negative amounts as zero), so that the views and the command line agree.
 */
final class Ranked {

    /** At most this many points per chart: enough for smooth lines, few enough to send to a browser. */
    static final int CHART_POINTS = 200;

    private final long[] amounts;
    private final int[] order;
    private final long[] running;

    private Ranked(long[] amounts, int[] order) {
        this.amounts = amounts;
        this.order = order;
        this.running = new long[order.length + 1];
        for (int rank = 0; rank < order.length; rank++) {
            running[rank + 1] = Math.addExact(running[rank], amounts[order[rank]]);
        }
    }

    /**
     * Ranks amounts in cents from the largest down; equal amounts keep their order (the customers' id order).
     * Cents are exact as doubles up to 2^53, ninety thousand billion in any currency.
     */
    static Ranked descending(long[] cents) {
        double[] keys = new double[cents.length];
        for (int index = 0; index < keys.length; index++) {
            keys[index] = -(double) cents[index];
        }
        return new Ranked(cents, Ranking.ascending(keys));
    }

    int size() {
        return order.length;
    }

    /** The position, in the original order, of the customer at {@code rank} (0 is the largest). */
    int at(int rank) {
        return order[rank];
    }

    /** The amount of the customer at {@code rank}. */
    long amountAt(int rank) {
        return amounts[order[rank]];
    }

    /** The sum of the first {@code count} customers' amounts. */
    long sum(int count) {
        return running[count];
    }

    long total() {
        return running[order.length];
    }

    /** The first {@code count} customers' share of the total; {@code null} when the total is not positive. */
    Double share(int count) {
        return Amounts.share(sum(count), total());
    }

    /** The customers that make the top fifth: {@code ceil(n / 5)}. */
    int topFifth() {
        return (size() + 4) / 5;
    }

    /** The number of customers, from the top, whose running sum is the highest (the first such); 0 when none is above 0. */
    int peak() {
        int peak = 0;
        long highest = 0;
        for (int count = 1; count <= size(); count++) {
            if (running[count] > highest) {
                highest = running[count];
                peak = count;
            }
        }
        return peak;
    }

    /** The number of customers with an amount of at least {@code cents}: they are the first ones. */
    int atLeast(long cents) {
        int low = 0;
        int high = size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (amountAt(middle) >= cents) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The Gini coefficient of the amounts, negative ones counted as zero: 0 when all are equal, towards 1. */
    double gini() {
        int n = size();
        if (n < 2) {
            return 0;
        }
        double weighted = 0;
        double total = 0;
        for (int ascending = 0; ascending < n; ascending++) {
            long amount = Math.max(0, amountAt(n - 1 - ascending));
            weighted += (ascending + 1) * (double) amount;
            total += amount;
        }
        return total == 0 ? 0 : 2 * weighted / (n * total) - (n + 1.0) / n;
    }

    /**
     * The customer counts at which to draw a curve: 0, the last, evenly spaced ones in between ({@code points} in
     * all, or every count for fewer customers), and the {@code extra} counts (a peak to mark) in order.
     */
    List<Integer> samples(int points, int... extra) {
        int n = size();
        TreeSet<Integer> counts = new TreeSet<>();
        int steps = Math.min(n, points - 1 - extra.length);
        counts.add(0);
        for (int step = 1; step <= steps; step++) {
            counts.add((int) Math.round((double) n * step / steps));
        }
        for (int count : extra) {
            if (count >= 0 && count <= n) {
                counts.add(count);
            }
        }
        return new ArrayList<>(counts);
    }
}
