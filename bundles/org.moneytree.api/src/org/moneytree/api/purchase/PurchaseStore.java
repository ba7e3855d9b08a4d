package org.moneytree.api.purchase;

import java.util.List;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The persistent record of purchases, kept per dataset (one client's data, in one currency) in the
 * workspace database (embedded H2 or PostgreSQL). Writing is idempotent: importing the same file twice, or
 * an overlapping extract, adds nothing twice (see {@link PurchaseLoad} for how lines are recognised). The
 * platform provides this service; data connectors in plugins may write through it.
 */
@ProviderType
public interface PurchaseStore {

    /**
     * Starts a bulk write into a dataset, created if it does not exist.
     *
     * @param dataset the dataset's name: 1 to 100 letters, digits, '.', '_' and '-'
     * @throws IllegalArgumentException when the dataset name is not allowed
     */
    PurchaseLoad openLoad(String dataset);

    /** Stores a batch of purchases in one transaction: all of them or, on failure, none. */
    default StoreResult store(String dataset, List<Purchase> purchases) {
        try (PurchaseLoad load = openLoad(dataset)) {
            purchases.forEach(load::add);
            return load.commit();
        }
    }

    /** Hands every stored purchase of a dataset to {@code sink}, in no particular order. */
    void forEachPurchase(String dataset, Consumer<Purchase> sink);

    /** The number of purchases stored in a dataset; 0 for a dataset that does not exist. */
    long purchaseCount(String dataset);

    /** The names of the datasets in the workspace, sorted. */
    List<String> datasets();
}
