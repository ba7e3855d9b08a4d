package org.moneytree.api.clv;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a fitted model says about one customer. For purchase models: the calibration summary (frequency x of
 * repeat purchases, recency t_x and age T in the fit's time unit, the average value of the repeat purchases), the
 * probability of being still active at the end of calibration, the expected purchases over the forecast horizon,
 * the expected value per purchase (Gamma-Gamma) and the discounted lifetime value over the horizon, as revenue
 * and as net profit after cost to serve (revenue times the customer's net margin share). For the contract model,
 * frequency counts renewals, {@code probabilityAlive} is the chance to renew for the next period and
 * {@code expectedPurchases} the expected further contract periods within the horizon.
 *
 * @param customerId the customer
 * @param frequency repeat purchases in calibration (renewals for contracts)
 * @param recency time from first to last repeat purchase, in the fit's time unit
 * @param age time from first purchase to the end of calibration, in the fit's time unit
 * @param averageValue the average value of the repeat purchases (contracts: per period), or zero without any
 * @param holdoutPurchases purchases in the holdout period, or -1 when the fit has no holdout
 * @param probabilityAlive the probability of still being a customer
 * @param expectedPurchases expected purchases (contract periods) within the horizon
 * @param expectedValue the expected value of one future purchase (period)
 * @param lifetimeValue the discounted expected revenue within the horizon
 * @param netMarginShare net profit after cost to serve over revenue, as used for {@code lifetimeProfit}
 * @param lifetimeProfit the discounted expected net profit within the horizon
 */
public record CustomerLifetime(String customerId, int frequency, double recency, double age, BigDecimal averageValue,
        int holdoutPurchases, double probabilityAlive, double expectedPurchases, BigDecimal expectedValue,
        BigDecimal lifetimeValue, BigDecimal netMarginShare, BigDecimal lifetimeProfit) {

    public CustomerLifetime {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(averageValue, "averageValue");
        Objects.requireNonNull(expectedValue, "expectedValue");
        Objects.requireNonNull(lifetimeValue, "lifetimeValue");
        Objects.requireNonNull(netMarginShare, "netMarginShare");
        Objects.requireNonNull(lifetimeProfit, "lifetimeProfit");
    }
}
