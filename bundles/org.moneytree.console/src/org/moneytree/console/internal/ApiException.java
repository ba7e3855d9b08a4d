package org.moneytree.console.internal;

/** An API call is refused or failed: the HTTP status and the message for the user, in the caller's language. */
final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
