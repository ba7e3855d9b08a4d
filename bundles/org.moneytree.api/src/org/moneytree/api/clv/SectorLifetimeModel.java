package org.moneytree.api.clv;

import java.math.BigDecimal;
import java.util.Locale;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A sector's choice of lifetime-value model: the extension point for sector plugins. Register an implementation
 * as an OSGi service ({@code @Component(service = SectorLifetimeModel.class)}); {@code moneytree clv fit --sector
 * ID} then fits the family it names, in its time unit, and forecasts use its horizon and discount rate. Choose
 * {@link ModelFamily#BG_NBD} or {@link ModelFamily#PARETO_NBD} where customers buy when they like and leave
 * without notice (retail, distribution, most B2B re-orders), {@link ModelFamily#SHIFTED_BETA_GEOMETRIC} where they
 * hold contracts that they renew or cancel (telecom, subscriptions, service contracts).
 */
@ConsumerType
public interface SectorLifetimeModel {

    /** The sector's id: short, lower case, unique, for example {@code retail}. */
    String id();

    /** The sector's name in the given language (Simplified Chinese for {@code zh}, else English). */
    String name(Locale locale);

    /** The model family for the sector's customers; not {@link ModelFamily#GAMMA_GAMMA}. */
    ModelFamily family();

    /** The model's time unit in days: 7 (weeks) by default; for contracts, the contract period (365 for a year). */
    default double timeUnitDays() {
        return 7;
    }

    /** The forecast horizon in months. */
    default int horizonMonths() {
        return 36;
    }

    /** The yearly discount rate, for example 0.10. */
    default BigDecimal annualDiscountRate() {
        return new BigDecimal("0.10");
    }
}
