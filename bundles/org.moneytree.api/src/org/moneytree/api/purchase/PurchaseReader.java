package org.moneytree.api.purchase;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads purchase files. Two formats are recognised from the content: the CDNOW text format (whitespace
 * separated customer id, date {@code yyyymmdd}, units, amount; an optional header line) and CSV with a
 * header naming at least {@code customer_id}, {@code order_date} and {@code revenue} (optional
 * {@code quantity} and {@code order_id}; other columns are ignored). The platform provides this service;
 * plugins and front ends call it.
 */
@ProviderType
public interface PurchaseReader {

    /**
     * Reads a whole file.
     *
     * @param file the file to read
     * @return every purchase in file order
     * @throws PurchaseFileException when any line is bad; it lists every bad line, and no purchase is returned
     * @throws IOException when the file cannot be opened or read at all
     */
    List<Purchase> read(Path file) throws PurchaseFileException, IOException;
}
