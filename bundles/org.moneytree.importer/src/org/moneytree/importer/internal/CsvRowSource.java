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

/**
 * CSV with a header, parsed by Apache Commons CSV as a stream. Columns are matched to fields by the
 * settings' mapping first, then by name; a column that matches nothing is a problem unless unknown columns
 * are to be ignored.
 */
final class CsvRowSource implements RowSource {

    static final String IGNORE = "-";

    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final int[] columnOfField = new int[PurchaseField.values().length];

    /**
     * Reads the header; problems with it (missing or unknown columns, a bad mapping) go to {@code problems},
     * and when there are any no rows should be read.
     */
    CsvRowSource(String file, Reader reader, char delimiter, Map<String, String> mapping, boolean ignoreUnknown,
            List<InputProblem> problems) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setTrim(true).get();
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        records = parser.iterator();
        java.util.Arrays.fill(columnOfField, -1);
        if (!hasNext()) {
            header = List.of();
            problems.add(new InputProblem(file, 0, "", "the file is empty; expected a header line naming the columns"));
            return;
        }
        header = nextRecord().toList();
        for (int column = 0; column < header.size(); column++) {
            String name = header.get(column);
            String mapped = mapped(mapping, name);
            PurchaseField field;
            if (mapped != null) {
                if (IGNORE.equals(mapped.strip())) {
                    continue;
                }
                field = PurchaseField.forName(mapped);
                if (field == null) {
                    problems.add(new InputProblem(file, 1, name, "the mapping sends this column to '" + mapped
                            + "', which is no field; fields are " + PurchaseField.names()));
                    continue;
                }
            } else {
                field = PurchaseField.forHeader(name);
            }
            if (field == null) {
                if (!ignoreUnknown) {
                    problems.add(new InputProblem(file, 1, name, "unknown column; map it to one of "
                            + PurchaseField.names() + ", or to '-' to ignore it"));
                }
            } else if (columnOfField[field.ordinal()] >= 0) {
                problems.add(new InputProblem(file, 1, name, "a second column for " + field.fieldName()
                        + " (the first is '" + header.get(columnOfField[field.ordinal()]) + "')"));
            } else {
                columnOfField[field.ordinal()] = column;
            }
        }
        for (PurchaseField field : PurchaseField.values()) {
            if (field.required() && columnOfField[field.ordinal()] < 0) {
                problems.add(new InputProblem(file, 1, field.fieldName(), "missing column; the header "
                        + header + " needs a column for " + field.fieldName() + " (by that name or mapped to it)"));
            }
        }
    }

    private static String mapped(Map<String, String> mapping, String header) {
        String exact = mapping.get(header);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> entry : mapping.entrySet()) {
            if (PurchaseField.normalise(entry.getKey()).equals(PurchaseField.normalise(header))) {
                return entry.getValue();
            }
        }
        return null;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRow next() throws IOException {
        while (hasNext()) {
            CSVRecord record = nextRecord();
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue;
            }
            List<String> raw = record.toList();
            long line = record.getRecordNumber();
            if (record.size() != header.size()) {
                return new SourceRow(line, new String[columnOfField.length], raw,
                        record.size() + " fields; expected " + header.size() + " as in the header");
            }
            String[] values = new String[columnOfField.length];
            for (int field = 0; field < values.length; field++) {
                if (columnOfField[field] >= 0) {
                    values[field] = record.get(columnOfField[field]);
                }
            }
            return new SourceRow(line, values, raw, null);
        }
        return null;
    }

    /** The column name of a field, for messages. */
    String columnName(PurchaseField field) {
        int column = columnOfField[field.ordinal()];
        return column >= 0 ? header.get(column) : field.fieldName();
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
