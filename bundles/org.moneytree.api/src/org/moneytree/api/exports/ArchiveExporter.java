package org.moneytree.api.exports;

import java.io.IOException;
import java.nio.file.Path;

import org.moneytree.api.archive.RecordKind;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes the records of one kind in a dataset to a file, streamed, in the form
 * {@link org.moneytree.api.imports.ArchiveImporter} reads: importing the file into a dataset reproduces the
 * records. The file is written to a temporary file beside it and moved into place at the end, so a failed
 * export leaves no half-written file. The platform provides this service.
 */
@ProviderType
public interface ArchiveExporter {

    /**
     * Exports a kind of record.
     *
     * @param dataset the dataset
     * @param kind what to export
     * @param file where to write; replaced if it exists
     * @param settings the format and encoding
     * @return what was written
     * @throws IllegalArgumentException when the dataset does not exist
     * @throws IOException when the file cannot be written
     */
    ExportReport export(String dataset, RecordKind kind, Path file, ExportSettings settings) throws IOException;
}
