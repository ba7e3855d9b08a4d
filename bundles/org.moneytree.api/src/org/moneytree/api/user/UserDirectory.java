package org.moneytree.api.user;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The console's users: checks logins and keeps users with their roles. Passwords are kept only as salted
 * Argon2id hashes; a failed login takes as long as a good one, whether the name exists or not. Names are 1 to
 * 64 letters, digits, {@code . _ -} or {@code @}; passwords at least {@value #MIN_PASSWORD} characters. There
 * is always at least one admin. Password arrays stay the caller's: they are read, never kept or changed, and
 * the caller clears them after the call.
 */
@ProviderType
public interface UserDirectory {

    /** The shortest password taken. */
    int MIN_PASSWORD = 10;

    /** The user with that name and password, or empty; records the login time. */
    Optional<User> authenticate(String name, char[] password);

    /** The users, sorted by name. */
    List<User> users();

    /** One user. */
    Optional<User> user(String name);

    /**
     * Adds a user.
     *
     * @throws UserException when the name is taken or malformed or the password too short
     */
    User create(String name, Role role, char[] password) throws UserException;

    /**
     * Sets a user's password.
     *
     * @throws UserException when there is no such user or the password is too short
     */
    void changePassword(String name, char[] password) throws UserException;

    /**
     * Changes a user's role.
     *
     * @throws UserException when there is no such user, or it is the last admin and {@code role} is not admin
     */
    User changeRole(String name, Role role) throws UserException;

    /**
     * Removes a user.
     *
     * @throws UserException when there is no such user or it is the last admin
     */
    void delete(String name) throws UserException;

    /**
     * Creates the first admin when there are no users yet: with the configured name and password when the
     * configuration gives them, else named {@code admin} with a generated password, which is returned so that
     * it can be printed once (it is kept nowhere else). Empty when there were users already or the configured
     * password was used.
     *
     * @throws UserException when the configured name or password is not acceptable
     */
    Optional<String> createFirstAdmin() throws UserException;
}
