package org.moneytree.api.scoring;

import java.util.List;

/**
 * Why a customer has its score: each criterion's value, weight and the points it gave.
 *
 * @param customerId the customer
 * @param score the score, 0 to 100
 * @param contributions one per criterion, in the scoring model's order
 */
public record ScoreExplanation(String customerId, double score, List<Contribution> contributions) {

    public ScoreExplanation {
        contributions = List.copyOf(contributions);
    }

    /**
     * One criterion's part in a score.
     *
     * @param criterion the criterion
     * @param value its value for the customer, 0 to 1
     * @param points what it added to the score: value times weight, over the sum of weights, times 100
     * @param detail the criterion's own explanation, in the requested language
     */
    public record Contribution(CriterionInfo criterion, double value, double points, String detail) {
    }
}
