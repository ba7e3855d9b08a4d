package org.moneytree.clv.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Defaults of lifetime-value fitting and forecasting; a sector's {@code SectorLifetimeModel} overrides them. */
@ObjectClassDefinition(pid = LifetimeEngine.PID, name = "Lifetime value",
        description = "Defaults of the lifetime-value models: model family, time unit, horizon and discount rate.")
@interface LifetimeConfiguration {

    @AttributeDefinition(name = "Model family",
            description = "bg-nbd or pareto-nbd for purchases, sbg for contract renewals.")
    String family() default "bg-nbd";

    @AttributeDefinition(name = "Time unit (days)",
            description = "Length of the models' time unit in days: 7 for weeks, as in the published results.")
    double timeUnitDays() default 7;

    @AttributeDefinition(name = "Horizon (months)", description = "How far ahead lifetime value is counted.", min = "1")
    int horizonMonths() default 36;

    @AttributeDefinition(name = "Yearly discount rate", description = "For example 0.10 for 10% a year.")
    String annualDiscountRate() default "0.10";

    @AttributeDefinition(name = "Cost model",
            description = "Cost model for the net margin (cost to serve included) that turns lifetime revenue into"
                    + " lifetime profit.")
    String costModel() default "standard";
}
