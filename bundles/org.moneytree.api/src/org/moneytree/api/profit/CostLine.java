package org.moneytree.api.profit;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a customer's cost to serve: how much of an activity the customer used in a period, at what
 * rate, and what it cost. The lines of a {@link CustomerProfit} show why a customer costs what it costs.
 *
 * @param activityType the activity type's id
 * @param quantity units used in the period (visits, deliveries, hours...)
 * @param rate the cost model's rate per unit
 * @param cost quantity times rate, rounded half-even to the cent
 */
public record CostLine(String activityType, BigDecimal quantity, BigDecimal rate, BigDecimal cost) {

    public CostLine {
        Objects.requireNonNull(activityType, "activityType");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(cost, "cost");
    }
}
