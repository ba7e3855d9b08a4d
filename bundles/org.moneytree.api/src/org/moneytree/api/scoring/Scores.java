package org.moneytree.api.scoring;

import java.util.List;
import java.util.Objects;

import org.moneytree.api.profit.ProfitReport;

/**
 * The scores of a period's customers. A score is the weighted mean of the criteria's values, scaled to 0 to
 * 100. Values are kept per criterion, so each score can be explained. Customers are in the order of the
 * report's {@link ProfitReport#customers()}.
 */
public final class Scores {

    private final ProfitReport report;
    private final List<CriterionInfo> criteria;
    private final double[][] values;
    private final double[] scores;
    private final List<String> problems;

    /**
     * @param report the report scored
     * @param criteria the criteria used, in the order of {@code values}
     * @param values per criterion, one value from 0 to 1 per customer
     * @param scores per customer, the score from 0 to 100
     * @param problems criteria left out, each with the reason, for the user
     */
    public Scores(ProfitReport report, List<CriterionInfo> criteria, double[][] values, double[] scores,
            List<String> problems) {
        this.report = Objects.requireNonNull(report, "report");
        this.criteria = List.copyOf(criteria);
        this.values = values.clone();
        this.scores = scores.clone();
        this.problems = List.copyOf(problems);
        if (values.length != criteria.size() || scores.length != report.customers().size()) {
            throw new IllegalArgumentException("scores do not match the report's customers or the criteria");
        }
    }

    /** The report scored. */
    public ProfitReport report() {
        return report;
    }

    /** The criteria used, with their weights. */
    public List<CriterionInfo> criteria() {
        return criteria;
    }

    /** The score of the customer at {@code index} in the report, 0 to 100. */
    public double score(int index) {
        return scores[index];
    }

    /** The value, 0 to 1, that criterion number {@code criterion} gave the customer at {@code index}. */
    public double value(int criterion, int index) {
        return values[criterion][index];
    }

    /** Criteria that failed and were left out, each with its reason; empty when all worked. */
    public List<String> problems() {
        return problems;
    }
}
