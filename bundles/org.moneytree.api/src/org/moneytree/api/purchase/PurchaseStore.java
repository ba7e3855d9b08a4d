package org.moneytree.api.purchase;

import java.util.List;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The persistent record of purchases, kept per dataset (one client's data, in one currency) in the
 * workspace database. Storing is idempotent: a purchase that is already stored, because the same file or an
 * overlapping extract was imported before, is not stored twice. Two purchases in one batch that are alike
 * in every field are two purchases (a customer may buy the same thing twice on a day). The platform provides
 * this service.
 */
@ProviderType
public interface PurchaseStore {

    /**
     * Stores a batch of purchases in one transaction: all of them or, on failure, none.
     *
     * @param dataset the dataset's name: letters, digits, '.', '_' and '-'
     * @param purchases the purchases, as read from one source
     * @return what was added and what was already there
     * @throws IllegalArgumentException when the dataset name is not allowed
     */
    StoreResult store(String dataset, List<Purchase> purchases);

    /** Hands every stored purchase of a dataset to {@code sink}, in no particular order. */
    void forEachPurchase(String dataset, Consumer<Purchase> sink);

    /** The number of purchases stored in a dataset; 0 for a dataset that does not exist. */
    long purchaseCount(String dataset);

    /** The names of the datasets in the workspace, sorted. */
    List<String> datasets();
}
