package org.moneytree.api.profit;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to analyse: a dataset's stored purchases, or a purchase file read directly (the fast path for large
 * extracts, which stores nothing but the results), for some or all periods of one length.
 *
 * @param dataset the dataset: its stored purchases are read unless {@code purchaseFile} is given; its archive
 *        supplies service activities and first contacts either way
 * @param purchaseFile a CSV purchase file to read instead of the stored purchases, or {@code null}
 * @param length the length of the periods
 * @param periods the periods to analyse, all of {@code length}; empty for every period with purchases
 * @param costModel the id of the cost model
 */
public record AnalysisRequest(String dataset, Path purchaseFile, PeriodLength length, List<Period> periods,
        String costModel) {

    public AnalysisRequest {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(costModel, "costModel");
        periods = List.copyOf(periods);
        for (Period period : periods) {
            if (period.length() != length) {
                throw new IllegalArgumentException("period " + period + " is not a " + length.id());
            }
        }
    }
}
