package org.moneytree.importer.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.moneytree.api.purchase.InputProblem;
import org.moneytree.api.purchase.Purchase;

/**
 * CSV with a header. Columns are found by name, ignoring case, spaces and underscores, and a few common
 * export names are understood: {@code CustomerID} for customer_id, {@code InvoiceDate} or {@code date} for
 * order_date, {@code TotalPrice} or {@code amount} for revenue, {@code InvoiceNo} for order_id. Other
 * columns are ignored.
 */
final class CsvPurchaseFormat {

    /** Column of the canonical name, then the other header names that mean the same. */
    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("customer_id", List.of("customerid", "customer", "customerno"));
        COLUMNS.put("order_date", List.of("orderdate", "invoicedate", "date", "purchasedate"));
        COLUMNS.put("revenue", List.of("revenue", "totalprice", "amount", "value", "sales"));
        COLUMNS.put("quantity", List.of("quantity", "units", "qty"));
        COLUMNS.put("order_id", List.of("orderid", "invoiceno", "invoice", "orderno"));
    }

    private static final List<String> REQUIRED = List.of("customer_id", "order_date", "revenue");

    private final String file;

    CsvPurchaseFormat(String file) {
        this.file = file;
    }

    List<Purchase> read(Reader reader, List<InputProblem> problems) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();
        List<Purchase> purchases = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                problems.add(new InputProblem(file, 0, "", "the file is empty; expected a header line"));
                return purchases;
            }
            CSVRecord header = records.next();
            Map<String, Integer> index = columns(header, problems);
            if (!problems.isEmpty()) {
                return purchases;
            }
            FieldParser parse = new FieldParser(file, problems);
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = record.getRecordNumber();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                if (record.size() != header.size()) {
                    problems.add(new InputProblem(file, line, "", record.size() + " fields; expected "
                            + header.size() + " as in the header"));
                    continue;
                }
                String customerId = parse.customerId(line, header.get(index.get("customer_id")),
                        record.get(index.get("customer_id")));
                LocalDate date = parse.date(line, header.get(index.get("order_date")),
                        record.get(index.get("order_date")));
                BigDecimal revenue = parse.money(line, header.get(index.get("revenue")),
                        record.get(index.get("revenue")));
                BigDecimal quantity = index.containsKey("quantity")
                        ? parse.quantity(line, header.get(index.get("quantity")), record.get(index.get("quantity")))
                        : BigDecimal.ONE;
                String orderId = index.containsKey("order_id") ? record.get(index.get("order_id")) : null;
                if (customerId != null && date != null && revenue != null && quantity != null) {
                    purchases.add(new Purchase(customerId, date, quantity, revenue,
                            orderId == null || orderId.isEmpty() ? null : orderId));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return purchases;
    }

    private Map<String, Integer> columns(CSVRecord header, List<InputProblem> problems) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int column = 0; column < header.size(); column++) {
            String normalised = header.get(column).toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
            for (Map.Entry<String, List<String>> entry : COLUMNS.entrySet()) {
                if (!index.containsKey(entry.getKey()) && entry.getValue().contains(normalised)) {
                    index.put(entry.getKey(), column);
                }
            }
        }
        for (String required : REQUIRED) {
            if (!index.containsKey(required)) {
                problems.add(new InputProblem(file, 1, required, "no such column; the header " + header.toList()
                        + " needs columns customer_id, order_date and revenue"));
            }
        }
        return index;
    }
}
