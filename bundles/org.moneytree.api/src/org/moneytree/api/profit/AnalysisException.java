package org.moneytree.api.profit;

/**
 * An analysis could not be done, with a message for the user: an unknown cost model, an activity type the
 * cost model does not price, a purchase file with errors (file, line and field named), a failing plugin.
 */
public class AnalysisException extends Exception {

    private static final long serialVersionUID = 1L;

    public AnalysisException(String message) {
        super(message);
    }

    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
