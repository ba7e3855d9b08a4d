package org.moneytree.api.report;

import java.math.BigDecimal;

/** Checks that values match their {@link ValueType}, so that a view's mistake is found where it is made. */
final class Values {

    private Values() {
    }

    static Object checked(ValueType type, Object value, String where) {
        if (value == null) {
            return null;
        }
        boolean fits = switch (type) {
            case COUNT -> value instanceof Long || value instanceof Integer;
            case MONEY -> value instanceof BigDecimal;
            case SHARE, NUMBER, SCORE -> value instanceof Double || value instanceof BigDecimal;
            case TEXT, TIER, CUSTOMER, PERIOD, DATE -> value instanceof String;
        };
        if (!fits) {
            throw new IllegalArgumentException(where + ": a " + type + " value cannot be a "
                    + value.getClass().getSimpleName() + " (" + value + ")");
        }
        return value instanceof Integer count ? Long.valueOf(count) : value;
    }
}
