package org.moneytree.api.imports;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Imports a file of purchases into a dataset. Recognised formats: CSV with a header (columns matched by
 * name or by the settings' mapping: {@code customer_id}, {@code order_date} and {@code revenue} required;
 * {@code quantity}, {@code order_id}, {@code product}, {@code category}, {@code cost_of_goods} optional) and
 * the CDNOW text format (whitespace-separated customer id, date {@code yyyymmdd}, units, amount; a sample id
 * may follow the customer id). The file is streamed: memory does not grow with its size. The platform
 * provides this service.
 */
@ProviderType
public interface PurchaseImporter {

    /**
     * Reads the file and stores its purchases, all or nothing (see {@link org.moneytree.api.purchase.PurchaseLoad}).
     *
     * @param file the file
     * @param dataset the dataset to import into (1 to 100 letters, digits, '.', '_', '-')
     * @param settings how to read it
     * @param progress told how far the import has come
     * @return the report; its problems name file, line, column and what was expected
     */
    ImportReport importPurchases(Path file, String dataset, ImportSettings settings, ImportProgress progress);
}
