package org.moneytree.api.tier;

import java.util.Objects;

/**
 * A customer's tier and why the scheme chose it. The reason is read by people ("platinum: top 5% by
 * revenue, rank 12 of 23570"), so a scheme should name the figures that decided.
 *
 * @param customerId the customer's id
 * @param tier the tier
 * @param reason a short explanation in English
 */
public record TierAssignment(String customerId, Tier tier, String reason) {

    public TierAssignment {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(reason, "reason");
    }
}
