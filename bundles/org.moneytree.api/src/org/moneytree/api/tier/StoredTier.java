package org.moneytree.api.tier;

import java.math.BigDecimal;
import java.util.Objects;

import org.moneytree.api.profit.Period;

/**
 * A customer's stored tier for a period, as the last tiering run of that period left it.
 *
 * @param period the period
 * @param customerId the customer
 * @param tier the tier in force: the override's when there is one, else the computed one
 * @param computedTier the tier the scheme chose
 * @param score the key-account score, 0 to 100
 * @param revenue revenue in the period
 * @param netProfit net profit in the period, after cost to serve
 * @param reason the scheme's explanation
 * @param override the override in force, or {@code null}
 */
public record StoredTier(Period period, String customerId, Tier tier, Tier computedTier, double score,
        BigDecimal revenue, BigDecimal netProfit, String reason, TierOverride override) {

    public StoredTier {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(computedTier, "computedTier");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(netProfit, "netProfit");
        Objects.requireNonNull(reason, "reason");
    }
}
