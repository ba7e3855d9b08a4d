package org.moneytree.api.imports;

import java.nio.file.Path;

import org.moneytree.api.archive.RecordKind;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Imports a file of one kind of record into a dataset: purchases, customers, contacts, service activities,
 * contracts, interactions or expectations. Files are CSV with a header or Excel workbooks ({@code .xlsx},
 * first sheet, header in the first row); purchases may also come as CDNOW text (whitespace-separated
 * customer id, date {@code yyyymmdd}, units, amount). Columns are matched to fields by name, by common
 * aliases (English and Chinese) or by the settings' mapping; the fields of each kind are listed in
 * {@code docs/importing.md}. The file is streamed: memory does not grow with the number of purchases.
 * Records other than customers must name customers already in the dataset. The platform provides this
 * service.
 */
@ProviderType
public interface ArchiveImporter {

    /**
     * Reads the file and stores its records in one transaction: all of them, or none when any row has a
     * problem (unless the settings ask to load the valid rows).
     *
     * @param file the file
     * @param dataset the dataset to import into (1 to 100 letters, digits, '.', '_', '-')
     * @param kind what the file holds
     * @param settings how to read it
     * @param progress told how far the import has come
     * @return the report; its problems name file, line, column and what was expected
     */
    ImportReport importFile(Path file, String dataset, RecordKind kind, ImportSettings settings,
            ImportProgress progress);
}
