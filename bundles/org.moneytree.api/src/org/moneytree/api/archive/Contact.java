package org.moneytree.api.archive;

import java.util.Objects;

/**
 * A person at a customer. A customer's contacts are told apart by name.
 *
 * @param customerId the customer's id
 * @param name the person's name, in any script
 * @param role the person's role in the buying decision or the relationship (buyer, decision maker, user…),
 *        or {@code null}
 * @param email an e-mail address, or {@code null}
 * @param phone a telephone number as written, or {@code null}
 */
public record Contact(String customerId, String name, String role, String email, String phone) implements ArchiveRecord {

    public Contact {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(name, "name");
    }
}
