package org.moneytree.api.user;

/**
 * A change to the users is refused: a name taken or malformed, a password too short, the last admin removed.
 * The message says which and what is expected.
 */
public class UserException extends Exception {

    private static final long serialVersionUID = 1L;

    public UserException(String message) {
        super(message);
    }
}
