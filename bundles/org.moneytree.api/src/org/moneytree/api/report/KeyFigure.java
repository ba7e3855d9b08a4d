package org.moneytree.api.report;

import java.util.Objects;

/**
 * One headline figure of a view, such as "Net profit 457,018.87" or "Loss-makers 312".
 *
 * @param id a stable name for the figure, for tests and exports, for example {@code net_profit}
 * @param label what it is, in the request's language
 * @param type how to read the value
 * @param value the value, of the Java type {@code type} names, or {@code null} for none
 */
public record KeyFigure(String id, String label, ValueType type, Object value) {

    public KeyFigure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        value = Values.checked(type, value, id);
    }
}
