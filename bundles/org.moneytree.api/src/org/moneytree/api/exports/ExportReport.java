package org.moneytree.api.exports;

import java.nio.file.Path;

import org.moneytree.api.archive.RecordKind;

/**
 * What an export wrote.
 *
 * @param file the file written
 * @param dataset the dataset exported
 * @param kind the kind of record exported
 * @param rows the records written, not counting the header
 */
public record ExportReport(Path file, String dataset, RecordKind kind, long rows) {
}
