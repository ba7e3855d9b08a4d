package org.moneytree.api.report;

/**
 * A view cannot answer a request: a period without an analysis, a customer not in the dataset. The message
 * is for the user, in the request's language: what was asked, what is missing and what to do.
 */
public class ViewException extends Exception {

    private static final long serialVersionUID = 1L;

    public ViewException(String message) {
        super(message);
    }

    public ViewException(String message, Throwable cause) {
        super(message, cause);
    }
}
