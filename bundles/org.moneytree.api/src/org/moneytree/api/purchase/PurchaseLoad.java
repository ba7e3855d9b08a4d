package org.moneytree.api.purchase;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A bulk write of purchases into one dataset, all or nothing: purchases are handed in one by one (streamed,
 * so memory stays bounded however many there are), and {@link #commit()} makes them visible all at once.
 * Closing without committing, or the process dying before the commit, leaves the dataset exactly as readers
 * saw it before. (A large load may write in several database transactions; what it wrote stays invisible
 * until the commit.) Not thread-safe; use it from one thread.
 *
 * <p>How a purchase is recognised when stored again: a line with an order id is identified by its order id,
 * product and its occurrence among lines of that order and product in this load, so a changed amount
 * updates the stored line; a line without an order id is identified by all its fields and its occurrence
 * among identical lines of this load, so a re-import adds nothing and two identical lines stay two.
 */
@ProviderType
public interface PurchaseLoad extends AutoCloseable {

    /** Adds a purchase to the load. */
    void add(Purchase purchase);

    /** How many purchases were added so far. */
    long size();

    /**
     * Merges the loaded purchases into the dataset and commits.
     *
     * @return what was added, updated and left unchanged
     * @throws IllegalStateException when the load was committed or closed already
     */
    StoreResult commit();

    /** Ends the load; without a commit, nothing of it is stored. */
    @Override
    void close();
}
