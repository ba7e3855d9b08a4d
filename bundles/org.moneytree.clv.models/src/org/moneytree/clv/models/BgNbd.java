package org.moneytree.clv.models;

import org.hipparchus.special.Gamma;
import org.moneytree.api.clv.ModelFamily;

/**
 * The BG/NBD model of Fader, Hardie and Lee (2005, "Counting your customers the easy way", Marketing Science
 * 24(2)): while active a customer buys as a Poisson process with rate λ ~ gamma(r, α), and after every purchase
 * drops out with probability p ~ beta(a, b). Fitted to frequency, recency and age, it gives each customer's
 * probability of being still active and expected purchases in a coming period. Times are in the unit the data
 * was given in (weeks in the published CDNOW results); α is in that unit too.
 *
 * @param r shape of the purchase-rate gamma, positive
 * @param alpha scale of the purchase-rate gamma, positive
 * @param a first shape of the dropout beta, positive
 * @param b second shape of the dropout beta, positive
 */
public record BgNbd(double r, double alpha, double a, double b) implements PurchaseModel {

    /** The parameter names, in the order of {@link #parameters()}. */
    public static final String[] PARAMETERS = { "r", "alpha", "a", "b" };

    public BgNbd {
        Parameters.requirePositive(PARAMETERS, r, alpha, a, b);
    }

    @Override
    public ModelFamily family() {
        return ModelFamily.BG_NBD;
    }

    @Override
    public double[] parameters() {
        return new double[] { r, alpha, a, b };
    }

    /** The log-likelihood of one customer's history (Fader, Hardie and Lee 2005, equation 6). */
    @Override
    public double logLikelihood(int x, double tx, double t) {
        double lnA1 = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha);
        double lnA2 = Gamma.logGamma(a + b) + Gamma.logGamma(b + x) - Gamma.logGamma(b) - Gamma.logGamma(a + b + x);
        double lnA3 = -(r + x) * Math.log(alpha + t);
        if (x == 0) {
            return lnA1 + lnA2 + lnA3;
        }
        double lnA4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
        return lnA1 + lnA2 + Parameters.logAddExp(lnA3, lnA4);
    }

    /**
     * The sample log-likelihood, summed over distinct histories with their weights. The log-gamma terms depend
     * on the frequency only and are tabulated by recurrence (Γ(z + 1) = z Γ(z)); the logarithms of α + T and
     * α + t_x are taken once per distinct age and recency.
     */
    static double logLikelihood(double[] p, RepeatPurchases data) {
        double r = p[0];
        double alpha = p[1];
        double a = p[2];
        double b = p[3];
        int max = data.maxFrequency();
        double[] byFrequency = new double[max + 1];
        double[] logDropout = new double[max + 1];
        double rate = 0;
        double dropout = 0;
        double logA = Math.log(a);
        for (int x = 0; x <= max; x++) {
            // ln Γ(r+x)/Γ(r) + ln Γ(b+x)Γ(a+b)/(Γ(b)Γ(a+b+x)), built up term by term.
            byFrequency[x] = rate + dropout;
            logDropout[x] = x == 0 ? 0 : logA - Math.log(b + x - 1);
            rate += Math.log(r + x);
            dropout += Math.log((b + x) / (a + b + x));
        }
        double[] logAge = logShifted(alpha, data.ages.values);
        double[] logRecency = logShifted(alpha, data.recencies.values);
        int[] ageIndex = data.ages.index;
        int[] recencyIndex = data.recencies.index;
        return Parameters.parallelSum(data.size(), (from, to) -> {
            double sum = 0;
            for (int i = from; i < to; i++) {
                int x = data.frequency(i);
                double lnA3 = -(r + x) * logAge[ageIndex[i]];
                double ll = x == 0 ? lnA3
                        : Parameters.logAddExp(lnA3, logDropout[x] - (r + x) * logRecency[recencyIndex[i]]);
                sum += data.weight(i) * (byFrequency[x] + ll);
            }
            return sum;
        }) + data.customers() * r * Math.log(alpha);
    }

    private static double[] logShifted(double shift, double[] values) {
        double[] logs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            logs[i] = Math.log(shift + values[i]);
        }
        return logs;
    }

    /** P(alive | x, t_x, T): the probability the customer has not dropped out by the end of calibration. */
    @Override
    public double probabilityAlive(int x, double tx, double t) {
        if (x == 0) {
            return 1;
        }
        return 1 / (1 + a / (b + x - 1) * Math.exp((r + x) * (Math.log(alpha + t) - Math.log(alpha + tx))));
    }

    /** E[X(t)]: expected purchases of a new customer in a period of length t (equation 9). */
    @Override
    public double expectedPurchases(double t) {
        if (t <= 0) {
            return 0;
        }
        double z = t / (alpha + t);
        double f = Math.exp(r * Math.log(alpha / (alpha + t)) + Hypergeometric.logF21(r, b, a + b - 1, z));
        return (a + b - 1) / (a - 1) * (1 - f);
    }

    /** The numerator of equation 10: E[Y(t) | x, T] of a customer still active at T. */
    @Override
    public double expectedPurchasesIfAlive(double horizon, int x, double t) {
        if (horizon <= 0) {
            return 0;
        }
        double z = horizon / (alpha + t + horizon);
        double f = Math.exp((r + x) * Math.log((alpha + t) / (alpha + t + horizon))
                + Hypergeometric.logF21(r + x, b + x, a + b + x - 1, z));
        return (a + b + x - 1) / (a - 1) * (1 - f);
    }
}
