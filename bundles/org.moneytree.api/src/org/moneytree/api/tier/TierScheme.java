package org.moneytree.api.tier;

import java.util.List;
import java.util.Locale;

import org.moneytree.api.figures.CustomerFigures;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A rule that places customers in the tiers of the pyramid: the extension point for sector plugins and
 * companies with their own rules. Register an implementation as an OSGi service (a Declarative Services
 * component with {@code @Component(service = TierScheme.class)} and {@link TierSchemeId}); the platform
 * picks it up when its bundle starts and forgets it when the bundle stops. A scheme is handed all customers
 * of a dataset at once, so it may rank them. It must return one assignment per customer and should explain
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
     * Places every customer in a tier.
     *
     * @param customers the figures of all customers of the dataset, in no particular order; never empty
     * @return one assignment for each customer given, in any order
     */
    List<TierAssignment> assign(List<CustomerFigures> customers);
}
