package org.moneytree.api.scoring;

import java.util.Locale;

import org.moneytree.api.profit.ProfitReport;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One criterion of "who is a key account": the extension point for plugins that judge customers their own
 * way. Register an implementation as an OSGi service ({@code @Component(service = Criterion.class)}); the
 * {@link ScoringModel} uses every registered criterion, weighted by configuration (PID
 * {@code org.moneytree.scoring}, property {@code weights}, for example {@code profit_share=30}) or by
 * {@link #defaultWeight()} when the configuration does not name it. A criterion that throws is left out of
 * the score, and the score says so; it never stops the analysis.
 */
@ConsumerType
public interface Criterion {

    /** The criterion's id: short, lower case letters, digits and '_', unique, for example {@code profit_share}. */
    String id();

    /** The criterion's name for people, in the given language (Simplified Chinese for {@code zh}, else English). */
    String name(Locale locale);

    /** One sentence on what a high value means and how it is computed, in the given language. */
    String description(Locale locale);

    /** The weight used when the configuration gives none. */
    default double defaultWeight() {
        return 10;
    }

    /**
     * Judges every customer of a period.
     *
     * @param report the period's profitability, with every customer's facts
     * @return one value per customer, in the order of {@link ProfitReport#customers()}, each from 0 (does not
     *         meet the criterion at all) to 1 (meets it fully)
     */
    double[] evaluate(ProfitReport report);

    /**
     * Says in a few words why a customer got its value ("net profit 12,400.00, 3.1% of the total"). Called
     * for the customers a user asks about, not for all.
     *
     * @param report the report given to {@link #evaluate}
     * @param customer the customer's position in {@link ProfitReport#customers()}
     * @param value the value {@link #evaluate} gave it
     * @param locale the language
     */
    String explain(ProfitReport report, int customer, double value, Locale locale);
}
