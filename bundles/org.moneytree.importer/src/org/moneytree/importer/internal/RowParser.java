package org.moneytree.importer.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.moneytree.api.imports.ImportSettings;
import org.moneytree.api.imports.InputProblem;

/**
 * Turns a row's text into a record of a schema, or into the problems that stop it: every bad field of the
 * row is reported, with the column's name as the file gives it.
 */
final class RowParser<R> {

    private static final Pattern GROUPED_POINT = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern GROUPED_COMMA = Pattern.compile("-?\\d{1,3}([. ]\\d{3})+(,\\d+)?");
    /** A workbook's date cells arrive as ISO dates whatever forms the settings give for text. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final RecordSchema<R> schema;
    private final String file;
    private final List<DateTimeFormatter> dateFormats = new ArrayList<>();
    private final String datePatterns;
    private final char decimalSeparator;
    private final Function<Field, String> columnName;

    RowParser(RecordSchema<R> schema, String file, ImportSettings settings, Function<Field, String> columnName) {
        this.schema = schema;
        this.file = file;
        this.columnName = columnName;
        this.decimalSeparator = settings.decimalSeparator();
        for (String pattern : settings.datePatterns()) {
            // 'u' (proleptic year) instead of 'y' (year of era), so that strict resolving needs no era field.
            dateFormats.add(DateTimeFormatter.ofPattern(pattern.replace('y', 'u')).withResolverStyle(ResolverStyle.STRICT));
        }
        this.datePatterns = String.join(" or ", settings.datePatterns());
    }

    /** The record, or {@code null} after adding the row's problems to {@code problems}. */
    R parse(SourceRow row, List<InputProblem> problems) {
        if (row.structuralProblem() != null) {
            problems.add(new InputProblem(file, row.line(), "", row.structuralProblem()));
            return null;
        }
        int before = problems.size();
        Object[] values = new Object[schema.fields().size()];
        for (Field field : schema.fields()) {
            values[field.index()] = value(row, field, problems);
        }
        if (problems.size() > before) {
            return null;
        }
        R record = schema.build(new ParsedRow(schema, values, file, row.line(), columnName, problems));
        return problems.size() > before ? null : record;
    }

    private Object value(SourceRow row, Field field, List<InputProblem> problems) {
        String value = row.values()[field.index()];
        if (value == null || value.isEmpty()) {
            if (field.required()) {
                problems.add(new InputProblem(file, row.line(), columnName.apply(field), "empty; expected "
                        + expected(field)));
            }
            return null;
        }
        return switch (field.type()) {
            case TEXT -> text(row, field, value, problems);
            case DATE -> date(row, field, value, problems);
            case AMOUNT, QUANTITY -> number(row, field, value, problems);
        };
    }

    private String expected(Field field) {
        return switch (field.type()) {
            case TEXT -> "a " + field.name().replace('_', ' ');
            case DATE -> "a date as " + datePatterns;
            case AMOUNT -> "an amount like 12" + decimalSeparator + "34";
            case QUANTITY -> "a number of units";
        };
    }

    private String text(SourceRow row, Field field, String value, List<InputProblem> problems) {
        if (value.length() > field.maxLength()) {
            problems.add(new InputProblem(file, row.line(), columnName.apply(field), value.length()
                    + " characters; expected at most " + field.maxLength()));
            return null;
        }
        return value;
    }

    private LocalDate date(SourceRow row, Field field, String value, List<InputProblem> problems) {
        for (DateTimeFormatter format : dateFormats) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        try {
            return LocalDate.parse(value, ISO);
        } catch (DateTimeParseException e) {
            problems.add(new InputProblem(file, row.line(), columnName.apply(field), "'" + abbreviate(value)
                    + "' is not a date; expected " + datePatterns));
            return null;
        }
    }

    private BigDecimal number(SourceRow row, Field field, String value, List<InputProblem> problems) {
        String plain = value.strip();
        if (decimalSeparator == '.') {
            if (GROUPED_POINT.matcher(plain).matches()) {
                plain = plain.replace(",", "");
            }
        } else {
            if (GROUPED_COMMA.matcher(plain).matches()) {
                plain = plain.replace(".", "").replace(" ", "");
            }
            plain = plain.replace(',', '.');
        }
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            problems.add(new InputProblem(file, row.line(), columnName.apply(field), "'" + abbreviate(value)
                    + "' is not a number; expected " + expected(field)));
            return null;
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
