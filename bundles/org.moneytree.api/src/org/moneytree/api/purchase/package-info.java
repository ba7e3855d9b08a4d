/**
 * Purchases: the raw material of every analysis. The {@link org.moneytree.api.purchase.PurchaseStore}
 * keeps them per dataset in the workspace database; a {@link org.moneytree.api.purchase.PurchaseLoad}
 * writes many at once, all or nothing. Files reach the store through
 * {@link org.moneytree.api.imports.ArchiveImporter}.
 */
@Version("2.0.0")
package org.moneytree.api.purchase;

import org.osgi.annotation.versioning.Version;
