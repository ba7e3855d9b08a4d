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

    void write(List<?> values) throws IOException {
        row.setLength(0);
        for (int index = 0; index < values.size(); index++) {
            format.print(values.get(index), row, index == 0);
        }
        row.append(format.getRecordSeparator());
        writer.append(row);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
