package org.moneytree.analysis.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which columns of a purchase file's header the scan reads, found by name as the importer finds them:
 * ignoring case, spaces, '_' and '-', by the field's name or one of its English or Chinese aliases (the same
 * as {@code org.moneytree.importer.internal.Schemas.PURCHASES}; keep the two lists together). Other
 * columns are passed over.
 */
final class PurchaseColumns {

    static final int CUSTOMER = 0;
    static final int DATE = 1;
    static final int REVENUE = 2;
    static final int COST = 3;
    static final int CATEGORY = 4;

    static final String[] NAMES = { "customer_id", "order_date", "revenue", "cost_of_goods", "category" };
    private static final boolean[] REQUIRED = { true, true, true, false, false };
    private static final String[][] ALIASES = {
        { "customer", "customerno", "custid", "客户编号", "客户代码", "客户ID" },
        { "invoicedate", "date", "purchasedate", "订单日期", "日期", "下单日期" },
        { "totalprice", "amount", "value", "sales", "dollarvalue", "金额", "销售额", "收入" },
        { "cogs", "cost", "costofsales", "成本", "销售成本" },
        { "productcategory", "productline", "类别", "品类" },
    };

    /** The file's column names. */
    final List<String> header;
    /** Per field ({@link #CUSTOMER} ...), its column, or -1. */
    final int[] columnOf = { -1, -1, -1, -1, -1 };

    private PurchaseColumns(List<String> header) {
        this.header = List.copyOf(header);
    }

    /** Maps a header; problems (a required column missing, a field named twice) go to {@code problems}. */
    static PurchaseColumns map(List<String> header, ScanProblems problems) {
        PurchaseColumns columns = new PurchaseColumns(header);
        for (int column = 0; column < header.size(); column++) {
            int field = field(header.get(column));
            if (field < 0) {
                continue;
            }
            if (columns.columnOf[field] >= 0) {
                problems.add(1, header.get(column), "a second column for " + NAMES[field] + " (the first is '"
                        + header.get(columns.columnOf[field]) + "')");
            } else {
                columns.columnOf[field] = column;
            }
        }
        List<String> missing = new ArrayList<>();
        for (int field = 0; field < NAMES.length; field++) {
            if (REQUIRED[field] && columns.columnOf[field] < 0) {
                missing.add(NAMES[field] + " (or " + String.join(", ", ALIASES[field]) + ")");
            }
        }
        if (!missing.isEmpty()) {
            problems.add(1, null, "the header needs a column for " + String.join("; for ", missing)
                    + ". Expected columns customer_id, order_date, revenue, and optionally cost_of_goods and"
                    + " category; found " + header);
        }
        return columns;
    }

    /** The field a header name means, or -1. */
    static int field(String name) {
        String normalised = normalise(name);
        for (int field = 0; field < NAMES.length; field++) {
            if (normalise(NAMES[field]).equals(normalised)) {
                return field;
            }
            for (String alias : ALIASES[field]) {
                if (normalise(alias).equals(normalised)) {
                    return field;
                }
            }
        }
        return -1;
    }

    static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }

    /** How a problem names a field's column: the file's name, with the field's own when it differs. */
    String describe(int field) {
        int column = columnOf[field];
        if (column < 0) {
            return NAMES[field];
        }
        String name = header.get(column).strip();
        return name.equals(NAMES[field]) ? name : name + " (" + NAMES[field] + ")";
    }
}
