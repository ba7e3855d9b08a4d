package org.moneytree.api.archive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A contract or agreement with a customer.
 *
 * @param contractId the contract's id, unique in a dataset
 * @param customerId the customer's id
 * @param title what it covers, or {@code null}
 * @param start the first day it applies
 * @param end the last day it applies, or {@code null} while open-ended; not before {@code start}
 * @param value its total value in the dataset's currency, not negative
 */
public record Contract(String contractId, String customerId, String title, LocalDate start, LocalDate end,
        BigDecimal value) implements ArchiveRecord {

    public Contract {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(value, "value");
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("contract " + contractId + " ends " + end + ", before it starts " + start);
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException("contract " + contractId + " has a negative value " + value);
        }
    }

    /** {@code true} when the contract applies on the given day. */
    public boolean appliesOn(LocalDate day) {
        return !day.isBefore(start) && (end == null || !day.isAfter(end));
    }
}
