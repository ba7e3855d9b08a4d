package org.moneytree.api.archive;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A meeting, call, e-mail, visit or complaint with a customer.
 *
 * @param customerId the customer's id
 * @param date the day it happened
 * @param type what kind of interaction it was
 * @param subject what it was about, or {@code null}
 * @param notes what was said or agreed, or {@code null}
 * @param author who recorded it, or {@code null}
 * @param interactionId the source system's id, or {@code null}; when given it identifies the interaction
 *        across imports, otherwise customer, date, type and subject do
 */
public record Interaction(String customerId, LocalDate date, InteractionType type, String subject, String notes,
        String author, String interactionId) implements ArchiveRecord {

    public Interaction {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(type, "type");
    }
}
