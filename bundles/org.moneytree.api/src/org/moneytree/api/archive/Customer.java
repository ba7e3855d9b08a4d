package org.moneytree.api.archive;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A customer account. Accounts form groups: a subsidiary names its parent account, and figures of a group
 * roll up from its members (see {@link CustomerArchive#group}).
 *
 * @param id the id from the source system, unique in a dataset (1 to 100 characters)
 * @param name the name, in any script
 * @param industry the industry, or {@code null}
 * @param region the region, or {@code null}
 * @param parentId the parent account's id, or {@code null} for a stand-alone account or the top of a group
 * @param firstContact the date of first contact, or {@code null} when not known
 * @param status where the relationship stands
 * @param owner the account manager who owns the account, or {@code null}
 * @param accountTeam the dedicated team serving the account (names), possibly empty
 */
public record Customer(String id, String name, String industry, String region, String parentId,
        LocalDate firstContact, CustomerStatus status, String owner, List<String> accountTeam) implements ArchiveRecord {

    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        accountTeam = List.copyOf(accountTeam);
        if (id.equals(parentId)) {
            throw new IllegalArgumentException("customer " + id + " cannot be its own parent");
        }
    }

    @Override
    public String customerId() {
        return id;
    }
}
