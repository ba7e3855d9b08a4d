package org.moneytree.api.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table of a view: columns with types, rows of values. Front ends sort and filter it; exports write it as
 * it is. A table that holds only the first rows of a longer list says so with {@link #totalRows}.
 *
 * @param id a stable name, for example {@code eroders}
 * @param title the table's title in the request's language
 * @param columns the columns
 * @param rows the rows, each with one value per column, of the column's type
 * @param totalRows how many rows there are in all (at least {@code rows.size()}); more when the view cut the
 *        list short
 */
public record ViewTable(String id, String title, List<Column> columns, List<List<Object>> rows, long totalRows) {

    /**
     * A column.
     *
     * @param id a stable name, for example {@code net_profit}, used as the CSV header
     * @param label the header in the request's language
     * @param type the type of the column's values
     */
    public record Column(String id, String label, ValueType type) {
        public Column {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(type, "type");
        }
    }

    public ViewTable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        List<List<Object>> checked = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + ", row " + (r + 1) + ": " + row.size()
                        + " values for " + columns.size() + " columns");
            }
            List<Object> values = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                values.add(Values.checked(columns.get(c).type(), row.get(c), "table " + id + ", column "
                        + columns.get(c).id()));
            }
            checked.add(java.util.Collections.unmodifiableList(values));
        }
        rows = java.util.Collections.unmodifiableList(checked);
        if (totalRows < rows.size()) {
            throw new IllegalArgumentException("table " + id + ": " + totalRows + " rows in all but " + rows.size()
                    + " given");
        }
    }

    /** A table that holds all its rows. */
    public ViewTable(String id, String title, List<Column> columns, List<List<Object>> rows) {
        this(id, title, columns, rows, rows.size());
    }
}
