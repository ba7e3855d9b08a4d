package org.moneytree.importer.internal;

import java.io.IOException;

/** Rows of a purchase file, one at a time. */
interface RowSource {

    /** The next data row, or {@code null} at the end of the file. */
    SourceRow next() throws IOException;

    /** The header of the rejects file: the source's own column names. */
    java.util.List<String> header();
}
