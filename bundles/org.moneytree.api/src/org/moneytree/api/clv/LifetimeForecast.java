package org.moneytree.api.clv;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every calibrated customer's forecast from one fit, sorted by customer id, with the horizon and discount rate
 * used. Customers first seen after calibration are not in it; {@link #newCustomer()} is what the model expects of
 * a customer acquired now.
 *
 * @param fit the fit
 * @param horizonMonths the forecast horizon in months
 * @param annualDiscountRate the yearly discount rate (0.10 for 10%)
 * @param customers the forecasts, sorted by customer id
 * @param newCustomer the forecast for a newly acquired customer with no history (id empty)
 */
public record LifetimeForecast(LifetimeFit fit, int horizonMonths, BigDecimal annualDiscountRate,
        List<CustomerLifetime> customers, CustomerLifetime newCustomer) {

    private static final Comparator<CustomerLifetime> BY_ID = Comparator.comparing(CustomerLifetime::customerId);

    public LifetimeForecast {
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(annualDiscountRate, "annualDiscountRate");
        Objects.requireNonNull(newCustomer, "newCustomer");
        customers = List.copyOf(customers);
    }

    /** The customer's forecast, found by binary search. */
    public Optional<CustomerLifetime> find(String customerId) {
        int index = Collections.binarySearch(customers, new CustomerLifetime(customerId, 0, 0, 0, BigDecimal.ZERO, -1,
                0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO), BY_ID);
        return index >= 0 ? Optional.of(customers.get(index)) : Optional.empty();
    }

    /** The sum of all customers' lifetime values. */
    public BigDecimal totalLifetimeValue() {
        return customers.stream().map(CustomerLifetime::lifetimeValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The sum of all customers' lifetime profits. */
    public BigDecimal totalLifetimeProfit() {
        return customers.stream().map(CustomerLifetime::lifetimeProfit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
