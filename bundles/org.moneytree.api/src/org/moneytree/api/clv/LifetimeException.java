package org.moneytree.api.clv;

/**
 * A fit or forecast that cannot be made, with a message for the user that says why and what to do: degenerate
 * data (no repeat buyers, no contracts), an unknown dataset or sector, a fit that did not converge.
 */
public class LifetimeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LifetimeException(String message) {
        super(message);
    }

    public LifetimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
