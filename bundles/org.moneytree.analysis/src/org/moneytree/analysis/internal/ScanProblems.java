package org.moneytree.analysis.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems one part of a scan found: the first {@link #KEPT} in order, and how many in all. Line numbers
 * are counted from the part's start until {@link #shift} makes them the file's.
 */
final class ScanProblems {

    /** How many problems are kept and shown. */
    static final int KEPT = 20;

    /** One problem: {@code field} is the column's name as the file gives it, or {@code null} for the line. */
    record Problem(long line, String field, String message) {

        String describe(String file) {
            return file + (line > 0 ? " line " + line : "") + (field == null ? "" : ", field " + field) + ": "
                    + message;
        }
    }

    private final List<Problem> kept = new ArrayList<>();
    private long count;

    void add(long line, String field, String message) {
        count++;
        if (kept.size() < KEPT) {
            kept.add(new Problem(line, field, message));
        }
    }

    long count() {
        return count;
    }

    List<Problem> kept() {
        return kept;
    }

    /** Adds {@code lines} to every kept problem's line. */
    void shift(long lines) {
        kept.replaceAll(problem -> new Problem(problem.line() + lines, problem.field(), problem.message()));
    }

    /** The message of an analysis stopped by problems: how many, and the first ones. */
    static String message(String file, List<Problem> problems, long count) {
        StringBuilder text = new StringBuilder();
        text.append(file).append(": ").append(count == 1 ? "1 problem" : String.format("%,d problems", count))
                .append(", so nothing was analysed; fix the file and run again:");
        for (Problem problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(problem.describe(file));
        }
        if (count > problems.size()) {
            text.append(System.lineSeparator()).append(String.format("  ... and %,d more", count - problems.size()));
        }
        return text.toString();
    }
}
