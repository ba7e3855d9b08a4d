package org.moneytree.api.purchase;

/**
 * What storing a batch of purchases did.
 *
 * @param dataset the dataset the purchases went into
 * @param received purchases handed in
 * @param added purchases that were new and are now stored
 * @param updated purchases stored before under the same order line whose values changed, now updated
 * @param unchanged purchases stored before exactly as they are (a re-import), left alone
 */
public record StoreResult(String dataset, long received, long added, long updated, long unchanged) {
}
