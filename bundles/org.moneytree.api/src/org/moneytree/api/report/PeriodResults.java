package org.moneytree.api.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.moneytree.api.profit.Period;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.scoring.Scores;
import org.moneytree.api.tier.StoredTier;
import org.moneytree.api.tier.TierRun;

/**
 * The analysed figures of one period of a dataset, as the period's last tiering run left them: the stored
 * tiers, and the profit report and scores recomputed from the stored purchases with the run's cost model.
 * Shared by all views and kept by {@link ReportData} until the period is analysed again; treat it as
 * read-only.
 *
 * @param dataset the dataset
 * @param run the period's stored tiering run (scheme, cost model, when it ran)
 * @param tiers the stored tiers of the period's customers, sorted by customer id
 * @param report the profit report (revenue, cost to serve by activity, net profit per customer), or
 *        {@code null} when the dataset keeps no purchases for the period (a file analysed with
 *        {@code --direct} keeps only its tiers)
 * @param scores the key-account scores computed from the report, or {@code null} without a report
 */
public record PeriodResults(String dataset, TierRun run, List<StoredTier> tiers, ProfitReport report, Scores scores) {

    public PeriodResults {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(run, "run");
        tiers = List.copyOf(tiers);
    }

    /** The period. */
    public Period period() {
        return run.period();
    }

    /** The profit report, when the dataset keeps the period's purchases. */
    public Optional<ProfitReport> profit() {
        return Optional.ofNullable(report);
    }
}
