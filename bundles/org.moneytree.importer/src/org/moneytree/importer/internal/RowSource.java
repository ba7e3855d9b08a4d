package org.moneytree.importer.internal;

import java.io.IOException;
import java.util.List;

/** Rows of a file, one at a time, with their text assigned to the fields of a schema. */
interface RowSource {

    /** The next data row, or {@code null} at the end of the file. */
    SourceRow next() throws IOException;

    /** The source's own column names, for the rejects file. */
    List<String> header();

    /** The file's name for a field's column, for messages. */
    String columnName(Field field);
}
