package org.moneytree.importer.internal;

import java.util.List;

/** A row source whose columns a {@link ColumnMapping} assigns to fields: CSV files and workbooks. */
abstract class MappedRowSource implements RowSource {

    /** The mapping of the header the source has read. */
    abstract ColumnMapping columns();

    @Override
    public List<String> header() {
        return columns().header();
    }

    @Override
    public String columnName(Field field) {
        return columns().columnName(field);
    }
}
