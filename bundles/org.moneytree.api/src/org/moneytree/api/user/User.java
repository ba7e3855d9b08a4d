package org.moneytree.api.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A user of the console (never with the password or its hash).
 *
 * @param name the login name
 * @param role what the user may do
 * @param created when the user was created
 * @param lastLogin when the user last logged in, or {@code null} if never
 */
public record User(String name, Role role, Instant created, Instant lastLogin) {

    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(created, "created");
    }
}
