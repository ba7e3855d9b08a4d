package org.moneytree.importer.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.moneytree.api.imports.InputProblem;

/**
 * A row whose fields have been parsed to their types, for a schema's builder to make a record of; the
 * builder reports what is wrong with the row as a whole (a negative quantity, an end before the start)
 * through {@link #problem}.
 */
final class ParsedRow {

    private final RecordSchema<?> schema;
    private final Object[] values;
    private final String file;
    private final long line;
    private final Function<Field, String> columnName;
    private final List<InputProblem> problems;
    private final int problemsBefore;

    ParsedRow(RecordSchema<?> schema, Object[] values, String file, long line, Function<Field, String> columnName,
            List<InputProblem> problems) {
        this.schema = schema;
        this.values = values;
        this.file = file;
        this.line = line;
        this.columnName = columnName;
        this.problems = problems;
        this.problemsBefore = problems.size();
    }

    String text(String field) {
        return (String) values[schema.field(field).index()];
    }

    LocalDate date(String field) {
        return (LocalDate) values[schema.field(field).index()];
    }

    BigDecimal number(String field) {
        return (BigDecimal) values[schema.field(field).index()];
    }

    /** Reports a problem with a field's value, under the column name the file gives it. */
    void problem(String field, String message) {
        problems.add(new InputProblem(file, line, columnName.apply(schema.field(field)), message));
    }

    /** {@code true} while no problem was reported for this row. */
    boolean clean() {
        return problems.size() == problemsBefore;
    }
}
