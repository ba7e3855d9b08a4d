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
}
