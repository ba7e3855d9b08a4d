package org.moneytree.persistence.internal;

import java.sql.SQLException;

/**
 * Turns a database failure into the one-line reason a user reads. Drivers' messages run over several lines
 * (H2 appends the whole SQL statement) and bury the cause: a full disk shows up as an {@code IOException}
 * three causes down, under "General error".
 */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable failure) {
        Throwable shown = failure instanceof SQLException sql && sql.getNextException() != null
                ? sql.getNextException() : failure;
        String reason = firstLine(shown);
        Throwable root = shown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != shown) {
            String rootReason = firstLine(root);
            if (!reason.contains(rootReason)) {
                reason = reason + " (caused by " + rootReason + ")";
            }
        }
        return reason;
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getName();
        }
        int statement = message.indexOf("; SQL statement:");
        if (statement >= 0) {
            message = message.substring(0, statement);
        }
        int newline = message.indexOf('\n');
        return (newline >= 0 ? message.substring(0, newline) : message).strip();
    }
}
