package org.moneytree.importer.internal;

import java.util.List;

/**
 * One data row as read from a file, before its values are parsed.
 *
 * @param line the 1-based line number in the file (the row number in a workbook)
 * @param values the text of each field of the schema, by index; {@code null} for a field the file lacks
 * @param raw the row's cells as they stand, for the rejects file
 * @param structuralProblem what is wrong with the row's shape (a wrong number of fields), or {@code null}
 */
record SourceRow(long line, String[] values, List<String> raw, String structuralProblem) {
}
