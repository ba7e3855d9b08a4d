package org.moneytree.importer.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.moneytree.api.purchase.InputProblem;
import org.moneytree.api.purchase.Purchase;

/**
 * The CDNOW text format of Fader, Hardie and Lee: whitespace-separated customer id, date ({@code yyyymmdd}),
 * number of CDs and dollar value; the 1/10 sample adds a sample id after the customer id. A first line whose
 * date field is not a number is taken as a header.
 */
final class CdnowPurchaseFormat {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final String file;

    CdnowPurchaseFormat(String file) {
        this.file = file;
    }

    List<Purchase> read(BufferedReader reader, List<InputProblem> problems) throws IOException {
        FieldParser parse = new FieldParser(file, problems);
        List<Purchase> purchases = new ArrayList<>();
        long lineNumber = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            String[] fields = WHITESPACE.split(stripped);
            if (lineNumber == 1 && fields.length >= 2 && !DIGITS.matcher(fields[1]).matches()) {
                continue;
            }
            if (fields.length != 4 && fields.length != 5) {
                problems.add(new InputProblem(file, lineNumber, "", fields.length
                        + " fields; expected 4 (customer id, date yyyymmdd, units, amount) or 5 with a sample id"));
                continue;
            }
            int offset = fields.length - 4;
            String customerId = parse.customerId(lineNumber, "customer_id", fields[0]);
            LocalDate date = parse.date(lineNumber, "date", fields[1 + offset]);
            BigDecimal units = parse.quantity(lineNumber, "number_of_cds", fields[2 + offset]);
            BigDecimal amount = parse.money(lineNumber, "dollar_value", fields[3 + offset]);
            if (customerId != null && date != null && units != null && amount != null) {
                purchases.add(new Purchase(customerId, date, units, amount, null));
            }
        }
        return purchases;
    }
}
