package org.moneytree.clv.models;

import org.moneytree.api.clv.ModelFamily;

/**
 * A fitted model of repeat purchasing in a non-contractual setting (customers can leave without telling):
 * {@link BgNbd} or {@link ParetoNbd}. Given a customer's frequency x, recency t_x and age T (in the time unit the
 * model was fitted in), it says how likely the customer is still active and how many purchases to expect.
 * Implementations are immutable values.
 */
public interface PurchaseModel {

    ModelFamily family();

    /** The parameter values, in the order of the family's parameter names. */
    double[] parameters();

    /** The log-likelihood of one customer's calibration history. */
    double logLikelihood(int x, double tx, double t);

    /** The probability that the customer is still active at the end of calibration. */
    double probabilityAlive(int x, double tx, double t);

    /** Expected purchases of a newly acquired customer in a period of the given length. */
    double expectedPurchases(double t);

    /**
     * Expected purchases in the {@code horizon} following calibration of a customer who is still active, given
     * frequency and age (recency matters only for whether the customer is active).
     */
    double expectedPurchasesIfAlive(double horizon, int x, double t);

    /** Expected purchases in the {@code horizon} following calibration, given the customer's history. */
    default double conditionalExpectedPurchases(double horizon, int x, double tx, double t) {
        return horizon <= 0 ? 0 : probabilityAlive(x, tx, t) * expectedPurchasesIfAlive(horizon, x, t);
    }
}
