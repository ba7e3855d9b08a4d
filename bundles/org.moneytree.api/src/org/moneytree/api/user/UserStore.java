package org.moneytree.api.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where the console's users are kept: the workspace database (table {@code MT_USER}). It stores what it is
 * given and keeps no rules: names, password lengths, hashing and the last admin are the
 * {@link UserDirectory}'s business. Plugins and the console use {@link UserDirectory}, not this.
 */
@ProviderType
public interface UserStore {

    /** One user, by exact name. */
    Optional<StoredUser> find(String name);

    /** Every user, sorted by name. */
    List<StoredUser> all();

    /**
     * Adds a user.
     *
     * @return {@code false} when a user of that name exists already (nothing is changed)
     */
    boolean insert(StoredUser user);

    /**
     * Adds a user only when there are no users at all, in one statement, so that two processes starting at once
     * cannot both create a first admin.
     *
     * @return {@code false} when there were users already (nothing is changed)
     */
    boolean insertIfNone(StoredUser user);

    /**
     * Replaces a user's password hash.
     *
     * @return {@code false} when there is no such user
     */
    boolean updateHash(String name, String passwordHash);

    /**
     * Changes a user's role.
     *
     * @return {@code false} when there is no such user
     */
    boolean updateRole(String name, Role role);

    /**
     * Removes a user.
     *
     * @return {@code false} when there is no such user
     */
    boolean delete(String name);

    /** Notes a successful login (nothing happens when there is no such user). */
    void recordLogin(String name, Instant when);

    /** How many users have the role {@link Role#ADMIN}. */
    int countAdmins();
}
