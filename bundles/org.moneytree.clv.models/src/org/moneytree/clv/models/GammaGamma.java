package org.moneytree.clv.models;

import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma model of the value per purchase (Fader and Hardie 2013, "The Gamma-Gamma model of monetary
 * value"; first used in Fader, Hardie and Lee 2005, "RFM and CLV", Journal of Marketing Research 42(4)): each
 * purchase's value is gamma(p, ν) around the customer's mean, and ν ~ gamma(q, γ) across customers. It is fitted
 * to the repeat buyers' average repeat-purchase values and shrinks a customer's observed average towards the
 * population mean, the more the fewer purchases it rests on. It assumes spend does not depend on purchase
 * frequency; check that before relying on it.
 *
 * @param p shape of a purchase's value, positive
 * @param q shape of the customers' rate gamma, positive
 * @param gamma scale of the customers' rate gamma, positive
 */
public record GammaGamma(double p, double q, double gamma) {

    /** The parameter names, in the order of {@link #parameters()}. */
    public static final String[] PARAMETERS = { "p", "q", "gamma" };

    public GammaGamma {
        Parameters.requirePositive(PARAMETERS, p, q, gamma);
    }

    public double[] parameters() {
        return new double[] { p, q, gamma };
    }

    /**
     * The log density of a customer's average value {@code meanValue} over {@code x} purchases (note equation
     * 1a), written with bases below one so large x and values do not overflow.
     */
    public double logLikelihood(int x, double meanValue) {
        if (x < 1 || !(meanValue > 0)) {
            throw new IllegalArgumentException("the Gamma-Gamma model needs x >= 1 and a positive mean value: x " + x
                    + ", mean " + meanValue);
        }
        double px = p * x;
        double total = x * meanValue;
        return Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) - Math.log(meanValue)
                + q * Math.log(gamma / (gamma + total)) + px * Math.log(total / (gamma + total));
    }

    /**
     * The sample log-likelihood. The log-gamma terms depend on the frequency only and are taken once per distinct
     * frequency; ln x̄ and ln(x·x̄) are fixed by the data, so a customer costs one logarithm per evaluation.
     */
    static double logLikelihood(double[] parameters, SpendData data) {
        double p = parameters[0];
        double q = parameters[1];
        double gamma = parameters[2];
        double logGammaQ = Gamma.logGamma(q);
        double logGamma = Math.log(gamma);
        double[] byFrequency = new double[data.maxFrequency() + 1];
        for (int x = 1; x < byFrequency.length; x++) {
            byFrequency[x] = Gamma.logGamma(p * x + q) - Gamma.logGamma(p * x) - logGammaQ;
        }
        return Parameters.parallelSum(data.size(), (from, to) -> {
            double sum = 0;
            for (int i = from; i < to; i++) {
                int x = data.frequency(i);
                double px = p * x;
                double logTotal = data.logTotal(i);
                double logBoth = Math.log(gamma + x * data.meanValue(i));
                sum += data.weight(i) * (byFrequency[x] - data.logMean(i) + q * (logGamma - logBoth)
                        + px * (logTotal - logBoth));
            }
            return sum;
        });
    }

    /**
     * The population mean value per purchase, pγ/(q − 1); infinite when q ≤ 1 (the spend distribution has no
     * mean then).
     */
    public double populationMean() {
        return q > 1 ? p * gamma / (q - 1) : Double.POSITIVE_INFINITY;
    }

    /**
     * E(Z | mean, x): the expected value of the customer's future purchases, a weighted average of the
     * population mean and the customer's own average (note equation 5); the population mean for x = 0.
     */
    public double conditionalExpectedValue(int x, double meanValue) {
        if (x == 0) {
            return populationMean();
        }
        return p * (gamma + x * meanValue) / (p * x + q - 1);
    }
}
