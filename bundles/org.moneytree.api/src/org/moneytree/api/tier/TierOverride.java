package org.moneytree.api.tier;

import java.time.Instant;
import java.util.Objects;

import org.moneytree.api.profit.Period;

/**
 * A person's decision to put a customer in another tier than the scheme chose for a period ("platinum:
 * strategic partner for the new product line"). It is kept with its reason and author and survives re-runs
 * of the period's tiering, until it is removed.
 *
 * @param period the period it applies to
 * @param customerId the customer
 * @param tier the tier decided
 * @param reason why, never blank
 * @param author who decided, never blank
 * @param decidedAt when it was recorded
 */
public record TierOverride(Period period, String customerId, Tier tier, String reason, String author,
        Instant decidedAt) {

    public TierOverride {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an override needs a reason");
        }
        if (author == null || author.isBlank()) {
            throw new IllegalArgumentException("an override needs an author");
        }
    }
}
