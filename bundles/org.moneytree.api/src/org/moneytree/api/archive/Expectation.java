package org.moneytree.api.archive;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One version of what a customer expects or needs on a topic (delivery times, quality, price, service…).
 * Versions are kept: a new text for the same topic from a later date is a new version, so a change of
 * expectation stays visible; the current expectation on a topic is its latest version.
 *
 * @param customerId the customer's id
 * @param topic what the expectation is about, as a short name
 * @param text what the customer expects
 * @param validFrom the day this version was stated or recorded
 * @param recordedBy who recorded it, or {@code null}
 */
public record Expectation(String customerId, String topic, String text, LocalDate validFrom, String recordedBy)
        implements ArchiveRecord {

    public Expectation {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(validFrom, "validFrom");
    }
}
