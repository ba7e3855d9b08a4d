package org.moneytree.importer.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.moneytree.api.imports.InputProblem;

/**
 * Which column of a file's header holds which field of a schema: the settings' mapping first, then the
 * field names and their aliases. A column that matches nothing is a problem unless unknown columns are to be
 * ignored; so is a required field without a column.
 */
final class ColumnMapping {

    static final String IGNORE = "-";

    private final List<String> header;
    private final int[] columnOfField;

    /** Maps the header; problems with it go to {@code problems}, and when there are any no rows should be read. */
    ColumnMapping(String file, List<String> header, RecordSchema<?> schema, Map<String, String> mapping,
            boolean ignoreUnknown, List<InputProblem> problems) {
        this.header = List.copyOf(header);
        this.columnOfField = new int[schema.fields().size()];
        Arrays.fill(columnOfField, -1);
        for (int column = 0; column < header.size(); column++) {
            String name = header.get(column);
            String mapped = mapped(mapping, name);
            Field field;
            if (mapped != null) {
                if (IGNORE.equals(mapped.strip())) {
                    continue;
                }
                field = schema.forName(mapped);
                if (field == null) {
                    problems.add(new InputProblem(file, 1, name, "the mapping sends this column to '" + mapped
                            + "', which is no field of " + schema.kind().id() + "; fields are " + schema.names()));
                    continue;
                }
            } else {
                field = schema.forHeader(name);
            }
            if (field == null) {
                if (!ignoreUnknown) {
                    problems.add(new InputProblem(file, 1, name, "unknown column; map it to one of "
                            + schema.names() + ", or to '-' to ignore it"));
                }
            } else if (columnOfField[field.index()] >= 0) {
                problems.add(new InputProblem(file, 1, name, "a second column for " + field.name()
                        + " (the first is '" + header.get(columnOfField[field.index()]) + "')"));
            } else {
                columnOfField[field.index()] = column;
            }
        }
        for (Field field : schema.fields()) {
            if (field.required() && columnOfField[field.index()] < 0) {
                problems.add(new InputProblem(file, 1, field.name(), "missing column; the header " + header
                        + " needs a column for " + field.name() + " (by that name or mapped to it)"));
            }
        }
    }

    private static String mapped(Map<String, String> mapping, String header) {
        String exact = mapping.get(header);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> entry : mapping.entrySet()) {
            if (Field.normalise(entry.getKey()).equals(Field.normalise(header))) {
                return entry.getValue();
            }
        }
        return null;
    }

    List<String> header() {
        return header;
    }

    /** The row of the given cells, or a row with a structural problem when their number is wrong. */
    SourceRow row(long line, List<String> cells) {
        if (cells.size() != header.size()) {
            return new SourceRow(line, new String[columnOfField.length], cells,
                    cells.size() + " fields; expected " + header.size() + " as in the header");
        }
        String[] values = new String[columnOfField.length];
        for (int field = 0; field < values.length; field++) {
            if (columnOfField[field] >= 0) {
                values[field] = cells.get(columnOfField[field]);
            }
        }
        return new SourceRow(line, values, cells, null);
    }

    /** The column name of a field, for messages. */
    String columnName(Field field) {
        int column = columnOfField[field.index()];
        return column >= 0 ? header.get(column) : field.name();
    }
}
