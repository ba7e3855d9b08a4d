package org.moneytree.api.archive;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The key-account archive of each dataset: customers and everything known about them except purchases
 * (see {@link org.moneytree.api.purchase.PurchaseStore}). Records are value types; a change goes through an
 * {@link ArchiveLoad}. Records other than customers must name a customer of the dataset. The platform
 * provides this service.
 */
@ProviderType
public interface CustomerArchive {

    /**
     * Starts a write of records of one kind into a dataset, created if it does not exist.
     *
     * @param dataset the dataset's name: 1 to 100 letters, digits, '.', '_' and '-'
     * @param type the record type, for example {@code Customer.class}
     * @throws IllegalArgumentException when the dataset name is not allowed
     */
    <R extends ArchiveRecord> ArchiveLoad<R> openLoad(String dataset, Class<R> type);

    /** The customers of a dataset, by id; empty for a dataset that does not exist. */
    List<Customer> customers(String dataset);

    /** The ids of the customers of a dataset. */
    Set<String> customerIds(String dataset);

    /**
     * Up to {@code limit} customers of a dataset whose id or name contains {@code text}, ignoring case, sorted by
     * id: a bounded query for a search box, which reads only what it answers however large the archive is (the
     * whole archive is {@link #customers}). An empty text matches every customer.
     *
     * @param limit at most this many; 0 or less answers nothing
     * @since 1.1
     */
    List<Customer> find(String dataset, String text, int limit);

    /** One customer of a dataset. */
    Optional<Customer> customer(String dataset, String customerId);

    /**
     * A customer's group: its id followed by the ids of all accounts below it (subsidiaries, their
     * subsidiaries and so on), so that figures of the group can be rolled up. Empty when the customer is not
     * in the dataset.
     */
    List<String> group(String dataset, String customerId);

    /** Everything the archive keeps about one account, or empty when it is not in the dataset. */
    Optional<AccountRecord> account(String dataset, String customerId);

    /** Hands every record of a type in a dataset to {@code sink}, in a stable order (by customer first). */
    <R extends ArchiveRecord> void forEach(String dataset, Class<R> type, Consumer<? super R> sink);

    /** How many records of a type a dataset keeps. */
    long count(String dataset, Class<? extends ArchiveRecord> type);
}
