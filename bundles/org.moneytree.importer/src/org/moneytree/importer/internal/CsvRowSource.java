package org.moneytree.importer.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.moneytree.api.imports.InputProblem;

/** CSV with a header, parsed by Apache Commons CSV as a stream; columns as {@link ColumnMapping} finds them. */
final class CsvRowSource extends MappedRowSource {

    private final Iterator<CSVRecord> records;
    private final ColumnMapping columns;

    /**
     * Reads the header; problems with it (missing or unknown columns, a bad mapping) go to {@code problems},
     * and when there are any no rows should be read.
     */
    CsvRowSource(String file, Reader reader, char delimiter, RecordSchema<?> schema, Map<String, String> mapping,
            boolean ignoreUnknown, List<InputProblem> problems) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setTrim(true).get();
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        records = parser.iterator();
        if (!hasNext()) {
            problems.add(new InputProblem(file, 0, "", "the file is empty; expected a header line naming the columns"));
            columns = new ColumnMapping(file, List.of(), schema, mapping, true, new java.util.ArrayList<>());
            return;
        }
        columns = new ColumnMapping(file, nextRecord().toList(), schema, mapping, ignoreUnknown, problems);
    }

    @Override
    ColumnMapping columns() {
        return columns;
    }

    @Override
    public SourceRow next() throws IOException {
        while (hasNext()) {
            CSVRecord record = nextRecord();
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue;
            }
            return columns.row(record.getRecordNumber(), record.toList());
        }
        return null;
    }

    private boolean hasNext() throws IOException {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private CSVRecord nextRecord() throws IOException {
        try {
            return records.next();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
