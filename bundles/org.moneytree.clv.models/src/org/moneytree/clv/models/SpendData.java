package org.moneytree.clv.models;

/**
 * The calibration data of the {@link GammaGamma} spend model in columns: for each repeat buyer (or group of equal
 * ones), the number of repeat purchases x ≥ 1, their average value (positive) and a weight. The values are
 * statistics for estimation, not money kept in the books, which is why they are doubles here.
 */
public final class SpendData {

    private final int[] frequency;
    private final double[] meanValue;
    private final double[] weight;
    private final double customers;

    private SpendData(int[] frequency, double[] meanValue, double[] weight) {
        this.frequency = frequency;
        this.meanValue = meanValue;
        this.weight = weight;
        double sum = 0;
        for (double w : weight) {
            sum += w;
        }
        this.customers = sum;
    }

    /**
     * Checks and keeps the data.
     *
     * @throws IllegalArgumentException naming the entry when a frequency is below 1, a mean value is not positive
     *             or a weight is negative
     */
    public static SpendData of(int[] frequency, double[] meanValue, double[] weight) {
        int n = frequency.length;
        if (meanValue.length != n || weight.length != n) {
            throw new IllegalArgumentException("frequency, mean value and weight differ in length");
        }
        for (int i = 0; i < n; i++) {
            if (frequency[i] < 1 || !(meanValue[i] > 0) || Double.isInfinite(meanValue[i]) || !(weight[i] >= 0)) {
                throw new IllegalArgumentException("spend entry " + i + " is impossible: frequency " + frequency[i]
                        + ", mean value " + meanValue[i] + ", weight " + weight[i]
                        + " (expected frequency >= 1, a positive mean value)");
            }
        }
        return new SpendData(frequency.clone(), meanValue.clone(), weight.clone());
    }

    public int size() {
        return frequency.length;
    }

    public int frequency(int index) {
        return frequency[index];
    }

    public double meanValue(int index) {
        return meanValue[index];
    }

    public double weight(int index) {
        return weight[index];
    }

    public double customers() {
        return customers;
    }
}
