package org.moneytree.api.imports;

import java.util.List;

import org.moneytree.api.purchase.StoreResult;

/**
 * What an import did. When {@link #stored()} is {@code null}, nothing was stored: the database is as it was
 * before the import.
 *
 * @param file the file as given
 * @param dataset the dataset imported into
 * @param rows data rows read (lines without the header and blank lines)
 * @param rejected rows refused for a problem
 * @param problemCount all problems found (a row may have several)
 * @param problems the problems, in file order, at most {@link #PROBLEMS_KEPT} of them
 * @param stored what the store did with the accepted rows, or {@code null} when nothing was stored
 */
public record ImportReport(String file, String dataset, long rows, long rejected, long problemCount,
        List<InputProblem> problems, StoreResult stored) {

    /** How many problems a report keeps; beyond that they are only counted. */
    public static final int PROBLEMS_KEPT = 1000;

    public ImportReport {
        problems = List.copyOf(problems);
    }

    /** {@code true} when rows were stored. */
    public boolean committed() {
        return stored != null;
    }
}
