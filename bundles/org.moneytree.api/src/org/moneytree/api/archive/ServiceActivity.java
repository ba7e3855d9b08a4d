package org.moneytree.api.archive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something done for a customer that costs money to serve it: a sales visit, a delivery, an hour of support,
 * a rush order, handling a return, a discount granted, a payment made late. A cost model prices each
 * activity type per unit; the archive only keeps what happened.
 *
 * @param customerId the customer's id
 * @param date the day it happened
 * @param type the activity type: a lower-case id of letters, digits and '_' such as {@code visit},
 *        {@code delivery}, {@code support_hour}, {@code rush_order}, {@code return_handling},
 *        {@code discount} or {@code payment_delay_day}
 * @param quantity how many units (visits, hours, days…); positive
 * @param activityId the source system's id of the activity, or {@code null}; when given it identifies the
 *        activity across imports
 * @param note free text, or {@code null}
 */
public record ServiceActivity(String customerId, LocalDate date, String type, BigDecimal quantity, String activityId,
        String note) implements ArchiveRecord {

    private static final Pattern TYPE = Pattern.compile("[a-z0-9_]{1,50}");

    public ServiceActivity {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(quantity, "quantity");
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("activity type '" + type + "' is not an id of lower-case letters,"
                    + " digits and '_'; see ServiceActivity.typeId");
        }
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("activity quantity must be positive, not " + quantity);
        }
    }

    /**
     * The type id a file's text stands for: lower case, with blanks and '-' as '_' ({@code Support Hour} is
     * {@code support_hour}).
     *
     * @return the id, or {@code null} when the text has characters an id may not have
     */
    public static String typeId(String text) {
        String id = text.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s-]+", "_");
        return TYPE.matcher(id).matches() ? id : null;
    }
}
