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
    private final int maxFrequency;
    /** ln x̄ and ln(x·x̄) of each entry: fixed by the data, so taken once, not at every likelihood evaluation. */
    private final double[] logMean;
    private final double[] logTotal;

    private SpendData(int[] frequency, double[] meanValue, double[] weight) {
        this.frequency = frequency;
        this.meanValue = meanValue;
        this.weight = weight;
        double sum = 0;
        int max = 0;
        this.logMean = new double[frequency.length];
        this.logTotal = new double[frequency.length];
        for (int i = 0; i < frequency.length; i++) {
            sum += weight[i];
            max = Math.max(max, frequency[i]);
            logMean[i] = Math.log(meanValue[i]);
            logTotal[i] = Math.log(frequency[i] * meanValue[i]);
        }
        this.customers = sum;
        this.maxFrequency = max;
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

    /** The largest frequency. */
    public int maxFrequency() {
        return maxFrequency;
    }

    double logMean(int index) {
        return logMean[index];
    }

    double logTotal(int index) {
        return logTotal[index];
    }
}
