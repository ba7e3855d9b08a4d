package org.moneytree.importer.internal;

import java.util.List;
import java.util.Locale;

/**
 * A field of a kind of record, as files name it: its canonical name (the export header), the header names
 * that also mean it, and what its text must be. Header names are compared ignoring case, spaces, '_' and
 * '-', so {@code Customer ID}, {@code customer_id} and {@code CustomerID} are one.
 *
 * @param index its position in the schema
 * @param name the canonical name, as in mappings and exports
 * @param type what the text must be
 * @param required {@code true} when a file must have a column for it and rows a value
 * @param maxLength the longest text it takes, or 0 for a number or date
 * @param aliases other header names that mean it, normalised
 */
record Field(int index, String name, FieldType type, boolean required, int maxLength, List<String> aliases) {

    /** What a field's text must be. */
    enum FieldType {
        TEXT, DATE, AMOUNT, QUANTITY
    }

    boolean matchesHeader(String header) {
        String normalised = normalise(header);
        return normalise(name).equals(normalised) || aliases.contains(normalised);
    }

    static String normalise(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }
}
