package org.moneytree.report.export.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.moneytree.api.report.KeyFigure;
import org.moneytree.api.report.ViewModel;
import org.moneytree.api.report.ViewTable;

/**
 * A view's key figures and tables as one CSV file, in blocks separated by an empty line:
 *
 * <pre>
 * Whale curve — cdnow, 1998            the view's title
 *
 * figure,label,value                   the key figures: id, label, raw value
 * net_profit,Net profit,457018.87
 *
 * Top customers                        each table: its title,
 * customer,tier,net_profit             its columns' ids,
 * 00042,platinum,1520.10               its rows, raw
 * </pre>
 *
 * RFC 4180 (comma, CRLF, fields with a comma, quote or line break quoted, quotes doubled), UTF-8 with a byte
 * order mark so that spreadsheet programs read Chinese right. A text that a spreadsheet would take for a formula
 * (it starts with {@code = + - @}, a tab or a carriage return and is not a number) gets a leading apostrophe, so that
 * a customer named {@code =HYPERLINK(...)} in a client's archive stays text in the client's spreadsheet (OWASP's
 * advice on CSV injection).
 */
final class Csv {

    /** The header of the key figures' block. */
    static final List<String> FIGURES_HEADER = List.of("figure", "label", "value");

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL).get();

    void write(ViewModel model, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(text(model.title()));
        if (!model.figures().isEmpty()) {
            printer.println();
            printer.printRecord(FIGURES_HEADER);
            for (KeyFigure figure : model.figures()) {
                printer.printRecord(figure.id(), text(figure.label()), text(ValueFormat.raw(figure.type(), figure.value())));
            }
        }
        for (ViewTable table : model.tables()) {
            printer.println();
            printer.printRecord(text(table.title()));
            printer.printRecord(table.columns().stream().map(ViewTable.Column::id).toList());
            List<String> values = new ArrayList<>(table.columns().size());
            for (List<Object> row : table.rows()) {
                values.clear();
                for (int c = 0; c < row.size(); c++) {
                    values.add(text(ValueFormat.raw(table.columns().get(c).type(), row.get(c))));
                }
                printer.printRecord(values);
            }
        }
        // Flush, not close: the caller owns the stream.
        printer.flush();
    }

    /** The cell as written: a text a spreadsheet would run as a formula is kept text. */
    static String text(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }
}
