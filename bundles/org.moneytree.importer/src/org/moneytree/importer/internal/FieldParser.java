package org.moneytree.importer.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.moneytree.api.purchase.InputProblem;

/**
 * Parses the fields of a purchase line, recording a problem for each bad one instead of stopping, so that
 * a file's every error is reported at once. A parse method returns {@code null} after recording a problem.
 */
final class FieldParser {

    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int MAX_ID_LENGTH = 100;

    private final String file;
    private final List<InputProblem> problems;

    FieldParser(String file, List<InputProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    String customerId(long line, String field, String text) {
        String id = text.strip();
        if (id.isEmpty()) {
            problems.add(new InputProblem(file, line, field, "empty; expected a customer id"));
            return null;
        }
        if (id.length() > MAX_ID_LENGTH) {
            problems.add(new InputProblem(file, line, field,
                    id.length() + " characters; expected a customer id of at most " + MAX_ID_LENGTH));
            return null;
        }
        return id;
    }

    /** Dates as {@code yyyymmdd} or ISO {@code yyyy-mm-dd}. */
    LocalDate date(long line, String field, String text) {
        String value = text.strip();
        try {
            return value.length() == 8 ? LocalDate.parse(value, BASIC_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new InputProblem(file, line, field,
                    "'" + abbreviate(value) + "' is not a date; expected yyyymmdd or yyyy-mm-dd"));
            return null;
        }
    }

    BigDecimal quantity(long line, String field, String text) {
        return number(line, field, text, "a number of units");
    }

    /** Money is kept to the cent; sources that export binary floating point noise are rounded. */
    BigDecimal money(long line, String field, String text) {
        BigDecimal amount = number(line, field, text, "an amount like 12.34");
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    private BigDecimal number(long line, String field, String text, String expected) {
        String value = text.strip();
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            problems.add(new InputProblem(file, line, field,
                    "'" + abbreviate(value) + "' is not a number; expected " + expected));
            return null;
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
