package org.moneytree.clv.models;

/**
 * The calibration data of the {@link ShiftedBetaGeometric} retention model in columns: for each customer (or
 * group of equal ones), the number of contract periods observed and whether the customer cancelled at the end of
 * the last of them ({@code churned}) or is still under contract (censored). A cohort table (n customers at the
 * start, n₁, n₂, ... lost in periods 1, 2, ...) is {@link #ofCohort(long[])}.
 */
public final class ContractHistories {

    private final int[] periods;
    private final boolean[] churned;
    private final double[] weight;
    private final int maxPeriods;
    private final double customers;

    private ContractHistories(int[] periods, boolean[] churned, double[] weight) {
        this.periods = periods;
        this.churned = churned;
        this.weight = weight;
        int max = 0;
        double sum = 0;
        for (int i = 0; i < periods.length; i++) {
            max = Math.max(max, periods[i]);
            sum += weight[i];
        }
        this.maxPeriods = max;
        this.customers = sum;
    }

    /**
     * Checks and keeps the histories.
     *
     * @throws IllegalArgumentException naming the entry when a count of periods is below 1 or a weight negative
     */
    public static ContractHistories of(int[] periods, boolean[] churned, double[] weight) {
        int n = periods.length;
        if (churned.length != n || weight.length != n) {
            throw new IllegalArgumentException("periods, churned and weight differ in length");
        }
        for (int i = 0; i < n; i++) {
            if (periods[i] < 1 || !(weight[i] >= 0)) {
                throw new IllegalArgumentException("contract history " + i + " is impossible: " + periods[i]
                        + " periods, weight " + weight[i] + " (expected at least 1 period)");
            }
        }
        return new ContractHistories(periods.clone(), churned.clone(), weight.clone());
    }

    /**
     * A cohort's survivors at the start and after each period: {@code alive[0]} customers signed up,
     * {@code alive[t]} were still customers after t renewals' decisions.
     *
     * @throws IllegalArgumentException when the counts rise or are negative
     */
    public static ContractHistories ofCohort(long[] alive) {
        if (alive.length < 2) {
            throw new IllegalArgumentException("a cohort needs its size and at least one period's survivors");
        }
        int periods = alive.length - 1;
        int[] p = new int[periods + 1];
        boolean[] c = new boolean[periods + 1];
        double[] w = new double[periods + 1];
        for (int t = 1; t <= periods; t++) {
            long lost = alive[t - 1] - alive[t];
            if (alive[t] < 0 || lost < 0) {
                throw new IllegalArgumentException("cohort survivors must not be negative or rise: period " + t + " has "
                        + alive[t] + " after " + alive[t - 1]);
            }
            p[t - 1] = t;
            c[t - 1] = true;
            w[t - 1] = lost;
        }
        p[periods] = periods;
        c[periods] = false;
        w[periods] = alive[periods];
        return new ContractHistories(p, c, w);
    }

    public int size() {
        return periods.length;
    }

    public int periods(int index) {
        return periods[index];
    }

    public boolean churned(int index) {
        return churned[index];
    }

    public double weight(int index) {
        return weight[index];
    }

    public int maxPeriods() {
        return maxPeriods;
    }

    public double customers() {
        return customers;
    }
}
