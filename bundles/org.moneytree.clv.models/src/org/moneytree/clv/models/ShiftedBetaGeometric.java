package org.moneytree.clv.models;

import org.hipparchus.special.Beta;

/**
 * The shifted beta-geometric (sBG) model of contract renewals (Fader and Hardie 2007, "How to project customer
 * retention", Journal of Interactive Marketing 21(1)): at the end of each contract period a customer cancels with
 * a probability θ of their own, constant over time, and θ ~ beta(α, β) across customers. Aggregate retention rises
 * with tenure only because the likely leavers leave first. It projects survival beyond the observed periods and a
 * customer's expected remaining lifetime.
 *
 * @param alpha first shape of the churn-probability beta, positive
 * @param beta second shape of the churn-probability beta, positive
 */
public record ShiftedBetaGeometric(double alpha, double beta) {

    /** The parameter names, in the order of {@link #parameters()}. */
    public static final String[] PARAMETERS = { "alpha", "beta" };

    public ShiftedBetaGeometric {
        Parameters.requirePositive(PARAMETERS, alpha, beta);
    }

    public double[] parameters() {
        return new double[] { alpha, beta };
    }

    /** P(T = t): the probability that a new customer cancels at the end of period t ≥ 1 (equation 5). */
    public double churnProbability(int t) {
        requirePeriod(t, 1);
        return Math.exp(Beta.logBeta(alpha + 1, beta + t - 1) - Beta.logBeta(alpha, beta));
    }

    /** S(t): the probability that a new customer is still a customer after t ≥ 0 periods (equation 6). */
    public double survival(int t) {
        requirePeriod(t, 0);
        return t == 0 ? 1 : Math.exp(Beta.logBeta(alpha, beta + t) - Beta.logBeta(alpha, beta));
    }

    /** r_t: the share of the customers of period t − 1 who renew for period t ≥ 1 (equation 8). */
    public double retentionRate(int t) {
        requirePeriod(t, 1);
        return (beta + t - 1) / (alpha + beta + t - 1);
    }

    /**
     * The expected number of further periods a customer who has renewed {@code renewals} times stays, counted
     * over at most {@code horizon} periods and discounted at {@code discountRate} per period (0 for none).
     */
    public double expectedRemainingPeriods(int renewals, int horizon, double discountRate) {
        requirePeriod(renewals, 0);
        double sum = 0;
        double survival = 1;
        double discount = 1;
        for (int k = 1; k <= horizon; k++) {
            survival *= (beta + renewals + k - 1) / (alpha + beta + renewals + k - 1);
            discount /= 1 + discountRate;
            sum += survival * discount;
        }
        return sum;
    }

    /**
     * The expected number of further periods of a customer who has renewed {@code renewals} times, without end
     * and undiscounted: (β + n)/(α − 1), infinite when α ≤ 1 (the churn probabilities pile up near 0 so much that
     * the mean lifetime diverges; use {@link #discountedRemainingLifetime} then).
     */
    public double remainingLifetime(int renewals) {
        requirePeriod(renewals, 0);
        return alpha > 1 ? (beta + renewals) / (alpha - 1) : Double.POSITIVE_INFINITY;
    }

    /**
     * The discounted expected residual lifetime of Fader and Hardie (2010, "Customer-base valuation in a
     * contractual setting"): Σ S(n+k)/S(n)/(1+d)^k over all future periods k ≥ 1, which is
     * ₂F₁(1, β+n; α+β+n; 1/(1+d)) − 1. Times the value of a period it is the customer's remaining lifetime value.
     *
     * @param discountRate the discount rate per period, positive
     */
    public double discountedRemainingLifetime(int renewals, double discountRate) {
        requirePeriod(renewals, 0);
        if (!(discountRate > 0)) {
            throw new IllegalArgumentException("the discount rate must be positive: " + discountRate);
        }
        return Hypergeometric.f21(1, beta + renewals, alpha + beta + renewals, 1 / (1 + discountRate)) - 1;
    }

    /** The log-likelihood of one customer: cancelled after {@code periods} periods, or still active after them. */
    public double logLikelihood(int periods, boolean churned) {
        requirePeriod(periods, 1);
        return churned ? Beta.logBeta(alpha + 1, beta + periods - 1) - Beta.logBeta(alpha, beta)
                : Beta.logBeta(alpha, beta + periods) - Beta.logBeta(alpha, beta);
    }

    /** The sample log-likelihood (appendix B, equation B3, for a cohort), with the recursion of equation 7. */
    static double logLikelihood(double[] parameters, ContractHistories data) {
        double alpha = parameters[0];
        double beta = parameters[1];
        int max = data.maxPeriods();
        double[] logChurn = new double[max + 1];
        double[] logSurvival = new double[max + 1];
        double churn = alpha / (alpha + beta);
        double survival = 1;
        for (int t = 1; t <= max; t++) {
            if (t > 1) {
                churn *= (beta + t - 2) / (alpha + beta + t - 1);
            }
            survival *= (beta + t - 1) / (alpha + beta + t - 1);
            logChurn[t] = Math.log(churn);
            logSurvival[t] = Math.log(survival);
        }
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            int t = data.periods(i);
            sum += data.weight(i) * (data.churned(i) ? logChurn[t] : logSurvival[t]);
        }
        return sum;
    }

    private static void requirePeriod(int t, int least) {
        if (t < least) {
            throw new IllegalArgumentException("period " + t + " must be at least " + least);
        }
    }
}
