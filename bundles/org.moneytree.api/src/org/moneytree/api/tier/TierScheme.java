package org.moneytree.api.tier;

import java.util.List;
import java.util.Locale;

import org.moneytree.api.scoring.Scores;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A rule that places customers in the tiers of the pyramid: the extension point for sector plugins and
 * companies with their own rules. Register an implementation as an OSGi service (a Declarative Services
 * component with {@code @Component(service = TierScheme.class)} and {@link TierSchemeId}); the platform
 * picks it up when its bundle starts and forgets it when the bundle stops. A scheme is handed all customers
 * of a period at once, with their profitability and key-account scores, so it may rank them. It must return one assignment per customer and should explain
 * each one. An exception thrown here is reported to the user with the plugin's name and does not stop the
 * platform.
 */
@ConsumerType
public interface TierScheme {

    /** Name of the service property that holds the scheme's id (see {@link TierSchemeId}). */
    String SCHEME_ID_PROPERTY = "moneytree.tier.scheme.id";

    /** The scheme's name for people, in the given language (Simplified Chinese for {@code zh}, else English). */
    String name(Locale locale);

    /** One or two sentences on the rule, in the given language. */
    String description(Locale locale);

    /**
     * Places every customer of a period in a tier.
     *
     * @param scores the period's scores; {@link Scores#report()} has every customer's profitability, never
     *        empty, and {@link Scores#score(int)} the score of the customer at the same position
     * @return one assignment for each customer, in any order; each reason names the figures that decided. For
     *         many customers, a {@link TierColumns} (in the report's order, reasons written when read)
     */
    List<TierAssignment> assign(Scores scores);
}
