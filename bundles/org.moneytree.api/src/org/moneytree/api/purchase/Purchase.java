package org.moneytree.api.purchase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One purchase line (an order line): a customer bought something on a day for an amount. Returns and
 * credit notes are lines with negative revenue (and a negative or zero quantity). Amounts are in the
 * dataset's single currency as {@link BigDecimal} (never {@code double}); the store keeps money to the cent,
 * rounding half-even.
 *
 * @param customerId the customer's id in the source system, never blank
 * @param date the day of the purchase
 * @param orderId the source system's order or invoice number, or {@code null} when the source has none
 * @param product the product or article, or {@code null}
 * @param category the product category or line, or {@code null}
 * @param quantity units bought (negative for a return)
 * @param revenue the amount paid
 * @param costOfGoods what the goods cost the company, or {@code null} when the source does not say
 */
public record Purchase(String customerId, LocalDate date, String orderId, String product, String category,
        BigDecimal quantity, BigDecimal revenue, BigDecimal costOfGoods) {

    public Purchase {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(revenue, "revenue");
        if (customerId.isBlank()) {
            throw new IllegalArgumentException("customerId is blank");
        }
    }

    /** A purchase line with no order, product or cost information, as in the CDNOW data. */
    public Purchase(String customerId, LocalDate date, BigDecimal quantity, BigDecimal revenue) {
        this(customerId, date, null, null, null, quantity, revenue, null);
    }
}
