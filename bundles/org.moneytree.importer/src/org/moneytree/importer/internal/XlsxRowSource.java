package org.moneytree.importer.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.moneytree.api.imports.InputProblem;
import org.moneytree.importer.internal.XlsxTable.XlsxRow;

/** The first sheet of a workbook, with its columns as {@link ColumnMapping} finds them. */
final class XlsxRowSource extends MappedRowSource {

    private final XlsxTable table;
    private final ColumnMapping columns;

    XlsxRowSource(String file, XlsxTable table, RecordSchema<?> schema, Map<String, String> mapping,
            boolean ignoreUnknown, List<InputProblem> problems) {
        this.table = table;
        this.columns = new ColumnMapping(file, table.header(), schema, mapping, ignoreUnknown, problems);
    }

    @Override
    ColumnMapping columns() {
        return columns;
    }

    @Override
    public SourceRow next() throws IOException {
        XlsxRow row = table.next();
        return row == null ? null : columns.row(row.line(), row.cells());
    }
}
