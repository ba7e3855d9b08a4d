package org.moneytree.clv.models;

/**
 * What a purchase model forecasts for every history of a calibration data set: the probability of being active,
 * the expected purchases within a horizon, and the same purchases discounted step by step (the discounted
 * expected transactions that a lifetime value multiplies by the value per purchase). The horizon is cut into
 * steps (months, usually) and each step's expected purchases are discounted to the present at its end. The
 * expensive part, the expectation of an active customer, depends on frequency and age only and is computed once
 * per distinct pair of them.
 */
public final class HistoryForecasts {

    private final double[] probabilityAlive;
    private final double[] expectedPurchases;
    private final double[] discountedPurchases;

    private HistoryForecasts(double[] probabilityAlive, double[] expectedPurchases, double[] discountedPurchases) {
        this.probabilityAlive = probabilityAlive;
        this.expectedPurchases = expectedPurchases;
        this.discountedPurchases = discountedPurchases;
    }

    /**
     * Forecasts every history.
     *
     * @param model the fitted model
     * @param data the histories, in the model's time unit
     * @param stepLength the length of one step in the model's time unit (a month is 30.4375 days / unit days)
     * @param steps the number of steps in the horizon
     * @param discountPerStep the discount rate per step (0.10 a year is 1.1^(1/12) − 1 a month)
     */
    public static HistoryForecasts of(PurchaseModel model, RepeatPurchases data, double stepLength, int steps,
            double discountPerStep) {
        if (!(stepLength > 0) || steps < 0 || !(discountPerStep > -1)) {
            throw new IllegalArgumentException("a forecast needs a positive step, steps >= 0 and a discount above -100%");
        }
        DistinctValues.Pairs pairs = data.agePairs;
        double[] pairTotal = new double[pairs.size()];
        double[] pairDiscounted = new double[pairs.size()];
        for (int k = 0; k < pairs.size(); k++) {
            int x = pairs.frequency[k];
            double t = data.ages.values[pairs.valueIndex[k]];
            double before = 0;
            double discounted = 0;
            double factor = 1;
            for (int step = 1; step <= steps; step++) {
                double now = model.expectedPurchasesIfAlive(step * stepLength, x, t);
                factor /= 1 + discountPerStep;
                discounted += (now - before) * factor;
                before = now;
            }
            pairTotal[k] = before;
            pairDiscounted[k] = discounted;
        }
        int n = data.size();
        double[] alive = new double[n];
        double[] expected = new double[n];
        double[] discounted = new double[n];
        for (int i = 0; i < n; i++) {
            alive[i] = model.probabilityAlive(data.frequency(i), data.recency(i), data.age(i));
            int pair = pairs.index[i];
            expected[i] = alive[i] * pairTotal[pair];
            discounted[i] = alive[i] * pairDiscounted[pair];
        }
        return new HistoryForecasts(alive, expected, discounted);
    }

    public double probabilityAlive(int history) {
        return probabilityAlive[history];
    }

    public double expectedPurchases(int history) {
        return expectedPurchases[history];
    }

    public double discountedPurchases(int history) {
        return discountedPurchases[history];
    }
}
