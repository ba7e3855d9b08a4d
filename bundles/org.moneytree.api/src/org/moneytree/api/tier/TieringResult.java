package org.moneytree.api.tier;

import java.util.List;

import org.moneytree.api.scoring.Scores;

/**
 * The outcome of one tiering run over a period.
 *
 * @param scheme the scheme that decided
 * @param scores the scores it decided from, with the period's profitability
 * @param assignments one assignment per customer, in the order of the report's customers (by customer id); a
 *        {@link TierColumns} when the scheme gave one
 * @param summary customers, revenue and net profit per tier
 */
public record TieringResult(TierSchemeInfo scheme, Scores scores, List<TierAssignment> assignments,
        TierSummary summary) {

    public TieringResult {
        // columns are immutable already, and copying them would write every reason
        assignments = assignments instanceof TierColumns ? assignments : List.copyOf(assignments);
    }
}
