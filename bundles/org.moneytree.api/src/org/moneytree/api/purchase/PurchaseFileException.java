package org.moneytree.api.purchase;

import java.util.List;

/**
 * A purchase file could not be read as a whole: it lists every {@link InputProblem} found. Nothing from
 * such a file is stored; a caller shows the problems and stops.
 */
public class PurchaseFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<InputProblem> problems;

    public PurchaseFileException(List<InputProblem> problems) {
        super(problems.isEmpty() ? "unreadable purchase file" : problems.get(0).toString()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file order; never empty. */
    public List<InputProblem> problems() {
        return problems;
    }
}
