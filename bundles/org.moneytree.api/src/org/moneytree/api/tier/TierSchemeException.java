package org.moneytree.api.tier;

/**
 * A tier scheme could not be used: no scheme has the requested id, the plugin that registered it failed,
 * or it returned an incomplete answer. The message names the scheme and the plugin's bundle.
 */
public class TierSchemeException extends Exception {

    private static final long serialVersionUID = 1L;

    public TierSchemeException(String message) {
        super(message);
    }

    public TierSchemeException(String message, Throwable cause) {
        super(message, cause);
    }
}
