package org.moneytree.cli.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;

/**
 * Writes CSV rows for the large per-customer outputs. Commons CSV quotes each field; the row is gathered in a
 * buffer and written once, because a {@code CSVPrinter} writing field by field to the file spent seconds in
 * the writer's per-call overhead on a million customers.
 */
final class CsvRows implements AutoCloseable {

    private final CSVFormat format = CSVFormat.DEFAULT;
    private final Writer writer;
    private final StringBuilder row = new StringBuilder(512);

    CsvRows(Path target) throws IOException {
        this.writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8),
                1 << 16);
    }

    private boolean first = true;

    void write(List<?> values) throws IOException {
        for (Object value : values) {
            text(value);
        }
        end();
    }

    /** A field that may need quotes: names, labels, reasons. */
    CsvRows text(Object value) throws IOException {
        format.print(value, row, first);
        first = false;
        return this;
    }

    /**
     * A field known to need no quotes (a number, a date, an id of letters and digits): appended as it is,
     * without Commons CSV's scan of every character.
     */
    CsvRows plain(CharSequence value) {
        if (!first) {
            row.append(format.getDelimiterString());
        }
        row.append(value);
        first = false;
        return this;
    }

    CsvRows plain(long value) {
        return plain(Long.toString(value));
    }

    void end() throws IOException {
        row.append(format.getRecordSeparator());
        writer.append(row);
        row.setLength(0);
        first = true;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
