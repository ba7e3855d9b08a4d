package org.moneytree.api.purchase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One purchase line: a customer bought something on a day for an amount. Returns and credit notes are
 * lines with a negative revenue. Amounts are in the dataset's single currency as {@link BigDecimal} (never
 * {@code double}); the store keeps revenue to the cent, rounding half-even.
 *
 * @param customerId the customer's id in the source system, never blank
 * @param date the day of the purchase
 * @param quantity units bought (may be zero when the source gives none)
 * @param revenue the amount paid, in the dataset's currency
 * @param orderId the source system's order or invoice number, or {@code null} when the source has none
 */
public record Purchase(String customerId, LocalDate date, BigDecimal quantity, BigDecimal revenue, String orderId) {

    public Purchase {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(revenue, "revenue");
        if (customerId.isBlank()) {
            throw new IllegalArgumentException("customerId is blank");
        }
    }
}
