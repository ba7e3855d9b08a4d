package org.moneytree.importer.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The CDNOW text format of Fader, Hardie and Lee: whitespace-separated customer id, date ({@code yyyymmdd}),
 * number of CDs and dollar value; the 1/10 sample adds a sample id after the customer id. A first line whose
 * date field is not a number is a header.
 */
final class CdnowRowSource implements RowSource {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final List<String> HEADER = List.of("customer_id", "date", "number_of_cds", "dollar_value");

    private static final int CUSTOMER_ID = Schemas.PURCHASES.field("customer_id").index();
    private static final int ORDER_DATE = Schemas.PURCHASES.field("order_date").index();
    private static final int QUANTITY = Schemas.PURCHASES.field("quantity").index();
    private static final int REVENUE = Schemas.PURCHASES.field("revenue").index();

    private final BufferedReader reader;
    private long line;

    CdnowRowSource(BufferedReader reader) {
        this.reader = reader;
    }

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public String columnName(Field field) {
        return field.name();
    }

    @Override
    public SourceRow next() throws IOException {
        String text;
        while ((text = reader.readLine()) != null) {
            line++;
            String stripped = text.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            String[] fields = WHITESPACE.split(stripped);
            if (line == 1 && fields.length >= 2 && !DIGITS.matcher(fields[1]).matches()) {
                continue;
            }
            String[] values = new String[Schemas.PURCHASES.fields().size()];
            if (fields.length != 4 && fields.length != 5) {
                return new SourceRow(line, values, List.of(fields), fields.length
                        + " fields; expected 4 (customer id, date yyyymmdd, units, amount) or 5 with a sample id");
            }
            int offset = fields.length - 4;
            values[CUSTOMER_ID] = fields[0];
            values[ORDER_DATE] = fields[1 + offset];
            values[QUANTITY] = fields[2 + offset];
            values[REVENUE] = fields[3 + offset];
            return new SourceRow(line, values, List.of(fields), null);
        }
        return null;
    }
}
