package org.moneytree.cli.internal;

/** A command cannot go on; the message is printed as one line and the process exits with the code. */
final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Bad input: a bad argument or a bad file. */
    static final int BAD_INPUT = 2;
    /** The platform or a plugin failed. */
    static final int FAILED = 1;

    private final int exitCode;

    CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    /**
     * A failure's reason on one line: its message up to the first line break (drivers append whole SQL
     * statements), or its class when it has no message, as an {@code OutOfMemoryError} may not.
     */
    static String oneLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getName();
        }
        int newline = message.indexOf('\n');
        return (newline >= 0 ? message.substring(0, newline) : message).strip();
    }
}
