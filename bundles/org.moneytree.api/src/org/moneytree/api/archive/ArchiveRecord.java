package org.moneytree.api.archive;

/**
 * A record of the key-account archive that belongs to one customer. The permitted types are the kinds of
 * record a dataset keeps besides purchases; {@link RecordKind} names them for files and commands.
 */
public sealed interface ArchiveRecord permits Customer, Contact, ServiceActivity, Contract, Interaction, Expectation {

    /** The id of the customer the record belongs to, as the source system gives it. */
    String customerId();
}
