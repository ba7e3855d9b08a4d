package org.moneytree.clv.models;

import org.hipparchus.special.Gamma;
import org.moneytree.api.clv.ModelFamily;

/**
 * The Pareto/NBD model of Schmittlein, Morrison and Colombo (1987), in the form of Fader, Hardie and Lee (2005):
 * while active a customer buys as a Poisson process with rate λ ~ gamma(r, α), and stays active for an
 * exponential lifetime with rate μ ~ gamma(s, β), independent of λ. Unlike the BG/NBD, a customer can drop out
 * before the first repeat purchase. Times are in the unit of the data (weeks in the published CDNOW results).
 *
 * @param r shape of the purchase-rate gamma, positive
 * @param alpha scale of the purchase-rate gamma, positive
 * @param s shape of the dropout-rate gamma, positive
 * @param beta scale of the dropout-rate gamma, positive
 */
public record ParetoNbd(double r, double alpha, double s, double beta) implements PurchaseModel {

    /** The parameter names, in the order of {@link #parameters()}. */
    public static final String[] PARAMETERS = { "r", "alpha", "s", "beta" };

    public ParetoNbd {
        Parameters.requirePositive(PARAMETERS, r, alpha, s, beta);
    }

    @Override
    public ModelFamily family() {
        return ModelFamily.PARETO_NBD;
    }

    @Override
    public double[] parameters() {
        return new double[] { r, alpha, s, beta };
    }

    /**
     * The log-likelihood of one customer's history (Fader and Hardie 2005, "A note on deriving the Pareto/NBD
     * model and related expressions", equation 22).
     */
    @Override
    public double logLikelihood(int x, double tx, double t) {
        return Gamma.logGamma(r + x) - Gamma.logGamma(r) + terms(r, alpha, s, beta, x, tx, t);
    }

    /** Everything of the log-likelihood but ln Γ(r+x)/Γ(r): the part that depends on recency and age. */
    private static double terms(double r, double alpha, double s, double beta, int x, double tx, double t) {
        double logAlive = -(r + x) * Math.log(alpha + t) - s * Math.log(beta + t);
        double logA0 = logA0(r, alpha, s, beta, x, tx, t);
        return r * Math.log(alpha) + s * Math.log(beta)
                + Parameters.logAddExp(logAlive, Math.log(s / (r + s + x)) + logA0);
    }

    /** ln A₀: the probability mass of the customer having dropped out between t_x and T, up to constants. */
    private static double logA0(double r, double alpha, double s, double beta, int x, double tx, double t) {
        double top;
        double second;
        if (alpha >= beta) {
            top = alpha;
            second = s + 1;
        } else {
            top = beta;
            second = r + x;
        }
        if (t == tx) {
            return Double.NEGATIVE_INFINITY;
        }
        double difference = Math.abs(alpha - beta);
        double atRecency = dropoutTerm(r, s, x, second, top, difference, tx);
        double atAge = dropoutTerm(r, s, x, second, top, difference, t);
        // A₀ is a difference of two positive terms, the first larger: ln(e^u − e^v) = u + ln(1 − e^(v−u)).
        return atRecency + Math.log(-Math.expm1(atAge - atRecency));
    }

    /**
     * The sample log-likelihood, summed over distinct histories with their weights. The hypergeometric terms
     * depend on the frequency and one of recency or age, so they are evaluated once per distinct (x, t_x) and
     * (x, T) pair: far fewer than the histories.
     */
    static double logLikelihood(double[] p, RepeatPurchases data) {
        double r = p[0];
        double alpha = p[1];
        double s = p[2];
        double beta = p[3];
        int max = data.maxFrequency();
        double[] logGammaRatio = new double[max + 1];
        double sum = 0;
        for (int x = 0; x <= max; x++) {
            logGammaRatio[x] = sum;
            sum += Math.log(r + x);
        }
        double top = Math.max(alpha, beta);
        double difference = Math.abs(alpha - beta);
        DistinctValues.Pairs recencyPairs = data.recencyPairs;
        DistinctValues.Pairs agePairs = data.agePairs;
        double[] atRecency = new double[recencyPairs.size()];
        for (int k = 0; k < atRecency.length; k++) {
            int x = recencyPairs.frequency[k];
            double tx = data.recencies.values[recencyPairs.valueIndex[k]];
            atRecency[k] = dropoutTerm(r, s, x, alpha >= beta ? s + 1 : r + x, top, difference, tx);
        }
        double[] atAge = new double[agePairs.size()];
        double[] alive = new double[agePairs.size()];
        for (int k = 0; k < atAge.length; k++) {
            int x = agePairs.frequency[k];
            double t = data.ages.values[agePairs.valueIndex[k]];
            atAge[k] = dropoutTerm(r, s, x, alpha >= beta ? s + 1 : r + x, top, difference, t);
            alive[k] = -(r + x) * Math.log(alpha + t) - s * Math.log(beta + t);
        }
        double constant = r * Math.log(alpha) + s * Math.log(beta);
        int[] recencyIndex = recencyPairs.index;
        int[] ageIndex = agePairs.index;
        return Parameters.parallelSum(data.size(), (from, to) -> {
            double partial = 0;
            for (int i = from; i < to; i++) {
                int x = data.frequency(i);
                int pair = ageIndex[i];
                double ll = alive[pair];
                if (data.recency(i) != data.age(i)) {
                    double first = atRecency[recencyIndex[i]];
                    double logA0 = first + Math.log(-Math.expm1(atAge[pair] - first));
                    ll = Parameters.logAddExp(ll, Math.log(s / (r + s + x)) + logA0);
                }
                partial += data.weight(i) * (logGammaRatio[x] + ll);
            }
            return partial;
        }) + data.customers() * constant;
    }

    /** ln of ₂F₁(r+s+x, second; r+s+x+1; |α−β|/(top+time)) / (top+time)^(r+s+x), one of A₀'s two terms. */
    private static double dropoutTerm(double r, double s, int x, double second, double top, double difference,
            double time) {
        double c = r + s + x;
        return Hypergeometric.logF21(c, second, c + 1, difference / (top + time)) - c * Math.log(top + time);
    }

    @Override
    public double probabilityAlive(int x, double tx, double t) {
        double logAlive = -(r + x) * Math.log(alpha + t) - s * Math.log(beta + t);
        double logDead = Math.log(s / (r + s + x)) + logA0(r, alpha, s, beta, x, tx, t);
        return 1 / (1 + Math.exp(logDead - logAlive));
    }

    /** E[X(t)]: expected purchases of a new customer in a period of length t. */
    @Override
    public double expectedPurchases(double t) {
        if (t <= 0) {
            return 0;
        }
        if (Math.abs(s - 1) < 1e-9) {
            return r * beta / alpha * Math.log((beta + t) / beta);
        }
        return r * beta / (alpha * (s - 1)) * (1 - Math.pow(beta / (beta + t), s - 1));
    }

    /** E[Y(t) | x, T] of a customer still active at T: the expected rate times the expected remaining life. */
    @Override
    public double expectedPurchasesIfAlive(double horizon, int x, double t) {
        if (horizon <= 0) {
            return 0;
        }
        double rate = (r + x) * (beta + t) / (alpha + t);
        if (Math.abs(s - 1) < 1e-9) {
            return rate * Math.log((beta + t + horizon) / (beta + t));
        }
        return rate / (s - 1) * (1 - Math.pow((beta + t) / (beta + t + horizon), s - 1));
    }
}
