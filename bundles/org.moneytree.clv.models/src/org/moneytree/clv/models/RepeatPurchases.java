package org.moneytree.clv.models;

import java.util.Arrays;

/**
 * The calibration data of a non-contractual purchase model (BG/NBD, Pareto/NBD) in columns: for every distinct
 * history, the frequency x (repeat purchases), the recency t_x (time from the first purchase to the last repeat
 * purchase, 0 without one), the age T (time from the first purchase to the end of calibration) and how many
 * customers share it. Customers with the same history are counted once, which is what keeps a fit of a million
 * customers at a few hundred thousand likelihood terms. Times are in the model's time unit (usually weeks).
 */
public final class RepeatPurchases {

    private final int[] frequency;
    private final double[] recency;
    private final double[] age;
    private final double[] weight;
    private final int maxFrequency;
    private final double customers;
    final DistinctValues recencies;
    final DistinctValues ages;
    final DistinctValues.Pairs recencyPairs;
    final DistinctValues.Pairs agePairs;
    /** The builder's sorted keys, to find a customer's history; {@code null} when made with {@link #of}. */
    private final long[] keys;

    private RepeatPurchases(int[] frequency, double[] recency, double[] age, double[] weight, long[] keys) {
        this.keys = keys;
        this.frequency = frequency;
        this.recency = recency;
        this.age = age;
        this.weight = weight;
        this.recencies = DistinctValues.of(recency);
        this.ages = DistinctValues.of(age);
        this.recencyPairs = DistinctValues.Pairs.of(frequency, recencies);
        this.agePairs = DistinctValues.Pairs.of(frequency, ages);
        this.maxFrequency = Arrays.stream(frequency).max().orElse(0);
        this.customers = Arrays.stream(weight).sum();
    }

    /**
     * Checks and keeps one history per entry.
     *
     * @throws IllegalArgumentException when an entry is impossible (negative frequency or weight, recency outside
     *             [0, age], a repeat buyer with recency 0 is allowed, a non-buyer with recency other than 0 is not)
     */
    public static RepeatPurchases of(int[] frequency, double[] recency, double[] age, double[] weight) {
        int n = frequency.length;
        if (recency.length != n || age.length != n || weight.length != n) {
            throw new IllegalArgumentException("frequency, recency, age and weight differ in length");
        }
        for (int i = 0; i < n; i++) {
            check(frequency[i], recency[i], age[i], weight[i], i);
        }
        return new RepeatPurchases(frequency.clone(), recency.clone(), age.clone(), weight.clone(), null);
    }

    static void check(int x, double tx, double t, double w, int index) {
        if (x < 0 || !(w >= 0) || !(t > 0) || !(tx >= 0) || tx > t * (1 + 1e-12) || (x == 0 && tx != 0)) {
            throw new IllegalArgumentException("history " + index + " is impossible: frequency " + x + ", recency " + tx
                    + ", age " + t + ", weight " + w + " (expected frequency >= 0, 0 <= recency <= age, age > 0,"
                    + " recency 0 without repeat purchases)");
        }
    }

    /** A builder that merges identical histories, given as whole days and converted by {@code daysPerUnit}. */
    public static Builder builder(double daysPerUnit) {
        return new Builder(daysPerUnit);
    }

    public int size() {
        return frequency.length;
    }

    public int frequency(int index) {
        return frequency[index];
    }

    public double recency(int index) {
        return recency[index];
    }

    public double age(int index) {
        return age[index];
    }

    public double weight(int index) {
        return weight[index];
    }

    /**
     * The index of the history of a customer added to the {@link Builder} with these days, or -1 when none was.
     *
     * @throws IllegalStateException when the data was not made by a builder
     */
    public int indexOf(int frequency, int recencyDays, int ageDays) {
        if (keys == null) {
            throw new IllegalStateException("only data made by a builder finds histories by days");
        }
        if (frequency < 0 || recencyDays < 0 || ageDays < 0 || frequency >= 1 << 20 || ageDays >= 1 << 21) {
            return -1;
        }
        int index = Arrays.binarySearch(keys, Builder.key(frequency, recencyDays, ageDays));
        return index >= 0 ? index : -1;
    }

    /** The largest frequency, which bounds the tables of log-gamma differences a likelihood needs. */
    public int maxFrequency() {
        return maxFrequency;
    }

    /** The number of customers (the sum of the weights). */
    public double customers() {
        return customers;
    }

    /** The number of customers with at least one repeat purchase. */
    public double repeatBuyers() {
        double sum = 0;
        for (int i = 0; i < frequency.length; i++) {
            if (frequency[i] > 0) {
                sum += weight[i];
            }
        }
        return sum;
    }

    /** The number of repeat purchases of all customers. */
    public double repeatPurchases() {
        double sum = 0;
        for (int i = 0; i < frequency.length; i++) {
            sum += frequency[i] * weight[i];
        }
        return sum;
    }

    /** Collects histories measured in whole days, merging equal ones. */
    public static final class Builder {

        private final double daysPerUnit;
        private long[] keys = new long[1 << 12];
        private double[] counts = new double[1 << 12];
        private int used;

        private Builder(double daysPerUnit) {
            if (!(daysPerUnit > 0)) {
                throw new IllegalArgumentException("daysPerUnit must be positive: " + daysPerUnit);
            }
            this.daysPerUnit = daysPerUnit;
        }

        /**
         * Adds one customer: {@code frequency} repeat purchases, the last {@code recencyDays} days after the first
         * purchase, observed for {@code ageDays} days after the first purchase.
         */
        public Builder add(int frequency, int recencyDays, int ageDays) {
            check(frequency, recencyDays, ageDays, 1, -1);
            if (frequency >= 1 << 20 || ageDays >= 1 << 21) {
                throw new IllegalArgumentException("frequency " + frequency + " or age " + ageDays + " days is too large");
            }
            long key = key(frequency, recencyDays, ageDays);
            if (used * 2 >= keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int slot = (int) (mix(key) & mask);
            while (keys[slot] != 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            if (keys[slot] == 0) {
                keys[slot] = key;
                used++;
            }
            counts[slot]++;
            return this;
        }

        /** Age is at least one day, so no key is 0, the empty slot's mark. */
        static long key(int frequency, int recencyDays, int ageDays) {
            return ((long) frequency << 42) | ((long) recencyDays << 21) | ageDays;
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 29);
        }

        private void grow() {
            long[] oldKeys = keys;
            double[] oldCounts = counts;
            keys = new long[oldKeys.length * 2];
            counts = new double[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    int slot = (int) (mix(oldKeys[i]) & mask);
                    while (keys[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    counts[slot] = oldCounts[i];
                }
            }
        }

        public RepeatPurchases build() {
            long[] sorted = new long[used];
            for (int i = 0, k = 0; i < keys.length; i++) {
                if (keys[i] != 0) {
                    sorted[k++] = keys[i];
                }
            }
            // Sorted histories make the result independent of hash order: fits are reproducible to the last digit.
            Arrays.sort(sorted);
            int[] x = new int[used];
            double[] tx = new double[used];
            double[] t = new double[used];
            double[] w = new double[used];
            int mask = keys.length - 1;
            for (int i = 0; i < used; i++) {
                long key = sorted[i];
                int slot = (int) (mix(key) & mask);
                while (keys[slot] != key) {
                    slot = (slot + 1) & mask;
                }
                x[i] = (int) (key >>> 42);
                tx[i] = ((key >>> 21) & 0x1FFFFF) / daysPerUnit;
                t[i] = (key & 0x1FFFFF) / daysPerUnit;
                w[i] = counts[slot];
            }
            return new RepeatPurchases(x, tx, t, w, sorted);
        }
    }
}
