/**
 * The key-account archive: each customer's full record in a dataset, kept as value types. Customers (with
 * their group hierarchy, owner and account team), their contacts, the service activities that cost money to
 * serve them, contracts, interactions and the history of what they expect. Purchases are kept by
 * {@link org.moneytree.api.purchase.PurchaseStore}. The platform provides
 * {@link org.moneytree.api.archive.CustomerArchive}; front ends, analyses and plugins read through it, and
 * data connectors in plugins may write through it.
 */
@Version("1.1.0")
package org.moneytree.api.archive;

import org.osgi.annotation.versioning.Version;
