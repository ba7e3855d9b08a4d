package org.moneytree.api.archive;

import org.moneytree.api.purchase.StoreResult;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A write of archive records of one kind into one dataset, in one database transaction: records are handed
 * in one by one, and {@link #commit()} stores them all at once; closing without a commit, or the process
 * dying first, stores nothing. Writing is idempotent: a record already stored under the same identity is
 * updated when its values differ and left alone when they are equal. Identities: a customer by its id, a
 * contact by customer and name, a contract by its id, an expectation by customer, topic and date, an
 * activity or interaction by its source id when it has one, otherwise by all its values and its occurrence
 * among equal records of the load. Not thread-safe.
 *
 * @param <R> the kind of record
 */
@ProviderType
public interface ArchiveLoad<R extends ArchiveRecord> extends AutoCloseable {

    /**
     * Adds a record to the load.
     *
     * @throws IllegalArgumentException when the record names a customer that is not in the dataset (for a
     *         customer: a parent that is neither in the dataset nor in this load is reported at commit)
     */
    void add(R record);

    /** How many records were added so far. */
    long size();

    /**
     * Stores the loaded records and commits.
     *
     * @return what was added, updated and left unchanged
     * @throws IllegalArgumentException when customers of the load name parents that do not exist or form a
     *         cycle; nothing is stored then
     * @throws IllegalStateException when the load was committed or closed already, or the database fails
     */
    StoreResult commit();

    /** Ends the load; without a commit, nothing of it is stored. */
    @Override
    void close();
}
