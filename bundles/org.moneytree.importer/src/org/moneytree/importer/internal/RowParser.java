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
import org.moneytree.api.purchase.Purchase;

/**
 * Turns a row's text into a {@link Purchase}, or into the problems that stop it: every bad field of the
 * row is reported, with the column's name as the file gives it.
 */
final class RowParser {

    private static final Pattern GROUPED_POINT = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern GROUPED_COMMA = Pattern.compile("-?\\d{1,3}([. ]\\d{3})+(,\\d+)?");

    private final String file;
    private final List<DateTimeFormatter> dateFormats = new ArrayList<>();
    private final String datePatterns;
    private final char decimalSeparator;
    private final Function<PurchaseField, String> columnName;

    RowParser(String file, ImportSettings settings, Function<PurchaseField, String> columnName) {
        this.file = file;
        this.columnName = columnName;
        this.decimalSeparator = settings.decimalSeparator();
        for (String pattern : settings.datePatterns()) {
            // 'u' (proleptic year) instead of 'y' (year of era), so that strict resolving needs no era field.
            dateFormats.add(DateTimeFormatter.ofPattern(pattern.replace('y', 'u')).withResolverStyle(ResolverStyle.STRICT));
        }
        this.datePatterns = String.join(" or ", settings.datePatterns());
    }

    /** The purchase, or {@code null} after adding the row's problems to {@code problems}. */
    Purchase parse(SourceRow row, List<InputProblem> problems) {
        if (row.structuralProblem() != null) {
            problems.add(new InputProblem(file, row.line(), "", row.structuralProblem()));
            return null;
        }
        int before = problems.size();
        String customerId = text(row, PurchaseField.CUSTOMER_ID, problems);
        LocalDate date = date(row, problems);
        BigDecimal revenue = number(row, PurchaseField.REVENUE, "an amount like 12.34", problems);
        BigDecimal quantity = row.values()[PurchaseField.QUANTITY.ordinal()] == null ? BigDecimal.ONE
                : number(row, PurchaseField.QUANTITY, "a number of units", problems);
        String orderId = text(row, PurchaseField.ORDER_ID, problems);
        String product = text(row, PurchaseField.PRODUCT, problems);
        String category = text(row, PurchaseField.CATEGORY, problems);
        BigDecimal cost = number(row, PurchaseField.COST_OF_GOODS, "an amount like 12.34", problems);
        if (quantity != null && revenue != null && quantity.signum() < 0 && revenue.signum() > 0) {
            problems.add(new InputProblem(file, row.line(), columnName.apply(PurchaseField.QUANTITY), "'"
                    + quantity.toPlainString() + "' is negative while revenue is positive; a return needs a"
                    + " negative revenue as well"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Purchase(customerId, date, orderId, product, category, quantity, revenue, cost);
    }

    private String text(SourceRow row, PurchaseField field, List<InputProblem> problems) {
        String value = row.values()[field.ordinal()];
        if (value == null || value.isEmpty()) {
            if (field.required()) {
                problems.add(new InputProblem(file, row.line(), columnName.apply(field), "empty; expected a "
                        + field.fieldName().replace('_', ' ')));
            }
            return null;
        }
        if (value.length() > field.maxLength()) {
            problems.add(new InputProblem(file, row.line(), columnName.apply(field), value.length()
                    + " characters; expected at most " + field.maxLength()));
            return null;
        }
        return value;
    }

    private LocalDate date(SourceRow row, List<InputProblem> problems) {
        String value = row.values()[PurchaseField.ORDER_DATE.ordinal()];
        if (value == null || value.isEmpty()) {
            problems.add(new InputProblem(file, row.line(), columnName.apply(PurchaseField.ORDER_DATE),
                    "empty; expected a date as " + datePatterns));
            return null;
        }
        for (DateTimeFormatter format : dateFormats) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        problems.add(new InputProblem(file, row.line(), columnName.apply(PurchaseField.ORDER_DATE), "'"
                + abbreviate(value) + "' is not a date; expected " + datePatterns));
        return null;
    }

    private BigDecimal number(SourceRow row, PurchaseField field, String expected, List<InputProblem> problems) {
        String value = row.values()[field.ordinal()];
        if (value == null || value.isEmpty()) {
            if (field.required()) {
                problems.add(new InputProblem(file, row.line(), columnName.apply(field), "empty; expected " + expected));
            }
            return null;
        }
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
                    + "' is not a number; expected " + expected.replace("12.34", "12" + decimalSeparator + "34")));
            return null;
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
