package org.moneytree.api.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One customer's aggregated figures over a dataset. Revenue is the sum of all purchase lines (returns
 * included, so it can be negative); a purchase is one stored purchase line.
 *
 * @param customerId the customer's id in the source system
 * @param revenue total revenue, in the dataset's currency
 * @param purchaseCount number of purchase lines, at least 1
 * @param firstPurchase the day of the first purchase
 * @param lastPurchase the day of the last purchase, not before {@code firstPurchase}
 */
public record CustomerFigures(String customerId, BigDecimal revenue, int purchaseCount, LocalDate firstPurchase,
        LocalDate lastPurchase) {

    public CustomerFigures {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(firstPurchase, "firstPurchase");
        Objects.requireNonNull(lastPurchase, "lastPurchase");
        if (purchaseCount < 1) {
            throw new IllegalArgumentException("purchaseCount must be at least 1: " + purchaseCount);
        }
        if (lastPurchase.isBefore(firstPurchase)) {
            throw new IllegalArgumentException("lastPurchase " + lastPurchase + " is before firstPurchase " + firstPurchase);
        }
    }
}
