package org.moneytree.api.purchase;

/**
 * What {@link PurchaseStore#store} did with a batch of purchases.
 *
 * @param dataset the dataset the purchases went into
 * @param received purchases handed in
 * @param added purchases that were new and are now stored
 * @param alreadyStored purchases that were stored before (a re-import) and were left as they were
 */
public record StoreResult(String dataset, int received, int added, int alreadyStored) {
}
