/**
 * Purchases: the raw material of every analysis. A {@link org.moneytree.api.purchase.PurchaseReader}
 * turns a file into {@link org.moneytree.api.purchase.Purchase} values, reporting every bad line as an
 * {@link org.moneytree.api.purchase.InputProblem}, and the
 * {@link org.moneytree.api.purchase.PurchaseStore} keeps them, per dataset, in the workspace database.
 */
@Version("1.0.0")
package org.moneytree.api.purchase;

import org.osgi.annotation.versioning.Version;
