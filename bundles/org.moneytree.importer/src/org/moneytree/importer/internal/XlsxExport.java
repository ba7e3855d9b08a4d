package org.moneytree.importer.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes records as one Excel sheet with fastexcel, streamed: rows are flushed to the file as they are
 * written. Dates are date cells and amounts number cells, so a spreadsheet can sum them; the importer reads
 * both back as they were.
 */
final class XlsxExport {

    /** Excel's limit, less the header row. */
    static final int MAX_ROWS = 1_048_575;
    private static final int FLUSH_EVERY = 1_000;

    private XlsxExport() {
    }

    static <R> long write(Path file, RecordSchema<R> schema, Consumer<Consumer<Object>> records) throws IOException {
        long[] rows = { 0 };
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "Moneytree", "1.0");
            Worksheet sheet = workbook.newWorksheet(schema.kind().id());
            List<String> header = schema.header();
            for (int column = 0; column < header.size(); column++) {
                sheet.value(0, column, header.get(column));
            }
            sheet.freezePane(0, 1);
            records.accept(record -> {
                if (rows[0] == MAX_ROWS) {
                    throw new IllegalArgumentException("an Excel sheet holds at most " + MAX_ROWS + " rows; export "
                            + schema.kind().id() + " as CSV instead");
                }
                int row = (int) ++rows[0];
                @SuppressWarnings("unchecked")
                List<Object> cells = schema.cells((R) record);
                for (int column = 0; column < cells.size(); column++) {
                    Object value = cells.get(column);
                    if (value instanceof LocalDate date) {
                        sheet.value(row, column, date);
                        sheet.style(row, column).format("yyyy-mm-dd").set();
                    } else if (value instanceof BigDecimal number) {
                        sheet.value(row, column, number);
                    } else if (value != null) {
                        sheet.value(row, column, value.toString());
                    }
                }
                if (row % FLUSH_EVERY == 0) {
                    try {
                        sheet.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            sheet.finish();
            workbook.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows[0];
    }
}
