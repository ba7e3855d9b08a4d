package org.moneytree.api.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A user as the {@link UserStore} keeps it: with the password's hash, which never leaves the
 * {@link UserDirectory} implementation (it hands out {@link User}s).
 *
 * @param name the login name
 * @param role what the user may do
 * @param passwordHash the password's salted hash as a PHC string
 *        ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), which carries its own parameters so that they can
 *        change later without invalidating the hashes already kept
 * @param created when the user was created
 * @param lastLogin when the user last logged in, or {@code null} if never
 */
public record StoredUser(String name, Role role, String passwordHash, Instant created, Instant lastLogin) {

    public StoredUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(created, "created");
    }

    /** The user without the hash. */
    public User user() {
        return new User(name, role, created, lastLogin);
    }

    /** Hashes are secrets too: they stay out of logs and error messages. */
    @Override
    public String toString() {
        return "StoredUser[name=" + name + ", role=" + role + ", created=" + created + ", lastLogin=" + lastLogin + "]";
    }
}
