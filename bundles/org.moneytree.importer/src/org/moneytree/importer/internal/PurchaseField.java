package org.moneytree.importer.internal;

import java.util.List;
import java.util.Locale;

/**
 * The fields of a purchase row, with the header names that mean them. Header names are compared ignoring
 * case, spaces, '_' and '-', so {@code Customer ID}, {@code customer_id} and {@code CustomerID} are one.
 */
enum PurchaseField {
    CUSTOMER_ID("customer_id", true, 100, "customer", "customerno", "custid"),
    ORDER_DATE("order_date", true, 0, "invoicedate", "date", "purchasedate"),
    REVENUE("revenue", true, 0, "totalprice", "amount", "value", "sales", "dollarvalue"),
    QUANTITY("quantity", false, 0, "units", "qty", "numberofcds"),
    ORDER_ID("order_id", false, 100, "invoiceno", "invoice", "orderno", "invoicenumber"),
    PRODUCT("product", false, 200, "stockcode", "sku", "article", "item"),
    CATEGORY("category", false, 200, "productcategory", "productline"),
    COST_OF_GOODS("cost_of_goods", false, 0, "cogs", "cost", "costofsales");

    private final String fieldName;
    private final boolean required;
    private final int maxLength;
    private final List<String> aliases;

    PurchaseField(String fieldName, boolean required, int maxLength, String... aliases) {
        this.fieldName = fieldName;
        this.required = required;
        this.maxLength = maxLength;
        this.aliases = List.of(aliases);
    }

    String fieldName() {
        return fieldName;
    }

    boolean required() {
        return required;
    }

    /** The longest text the field takes, or 0 for a number or date. */
    int maxLength() {
        return maxLength;
    }

    /** The field a header name stands for, or {@code null}. */
    static PurchaseField forHeader(String header) {
        String normalised = normalise(header);
        for (PurchaseField field : values()) {
            if (normalise(field.fieldName).equals(normalised) || field.aliases.contains(normalised)) {
                return field;
            }
        }
        return null;
    }

    /** The field of a canonical name as used in mappings ({@code customer_id}), or {@code null}. */
    static PurchaseField forName(String name) {
        for (PurchaseField field : values()) {
            if (field.fieldName.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return field;
            }
        }
        return null;
    }

    static String normalise(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }

    static String names() {
        StringBuilder names = new StringBuilder();
        for (PurchaseField field : values()) {
            names.append(names.isEmpty() ? "" : ", ").append(field.fieldName);
        }
        return names.toString();
    }
}
