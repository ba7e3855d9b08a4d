package org.moneytree.api.tier;

import java.util.List;

/**
 * The outcome of one tiering run.
 *
 * @param scheme the scheme that decided
 * @param assignments one assignment per customer, sorted by customer id
 * @param summary customers and revenue per tier
 */
public record TieringResult(TierSchemeInfo scheme, List<TierAssignment> assignments, TierSummary summary) {
}
