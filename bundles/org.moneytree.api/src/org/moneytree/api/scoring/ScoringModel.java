package org.moneytree.api.scoring;

import java.util.List;
import java.util.Locale;

import org.moneytree.api.profit.ProfitReport;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Turns a period's profitability into key-account scores from every registered {@link Criterion}, weighted
 * by configuration. The platform provides this service and ships six criteria: profit share, impact on
 * company goals, impact of departure, relationship, growth potential and resources spent.
 */
@ProviderType
public interface ScoringModel {

    /** The criteria registered now, sorted by id, with their weights, described in the given language. */
    List<CriterionInfo> criteria(Locale locale);

    /** Scores every customer of the report; a failing criterion is left out and named in the problems. */
    Scores score(ProfitReport report);

    /**
     * Explains one customer's score.
     *
     * @throws IllegalArgumentException when the customer is not in the scored report
     */
    ScoreExplanation explain(Scores scores, String customerId, Locale locale);
}
