package org.moneytree.api.clv;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A stored fit of a dataset: the purchase (or contract) model and, for purchases, the Gamma-Gamma spend model,
 * with the calibration period they rest on. Criteria and forecasts name it ("BG/NBD fitted to 2024-12-31").
 *
 * @param id the store's id, increasing with every fit
 * @param dataset the dataset
 * @param sector the {@link SectorLifetimeModel} id whose choices applied, or {@code null}
 * @param calibrationStart the earliest first purchase (or contract start) in the calibration data
 * @param calibrationEnd the last day of calibration
 * @param holdoutEnd the last day of the holdout period, or {@code null} when there was none
 * @param timeUnitDays the model's time unit in days (recency, age and the rate parameters are in it)
 * @param fittedAt when it was fitted
 * @param transactions the purchase model (BG/NBD, Pareto/NBD) or the contract model (sBG)
 * @param spend the Gamma-Gamma spend model, or {@code null} for contracts; it may be unconverged (for example
 *            without repeat buyers), and forecasts then use each customer's own average value
 */
public record LifetimeFit(long id, String dataset, String sector, LocalDate calibrationStart, LocalDate calibrationEnd,
        LocalDate holdoutEnd, double timeUnitDays, Instant fittedAt, ModelFit transactions, ModelFit spend) {

    public LifetimeFit {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(calibrationStart, "calibrationStart");
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        Objects.requireNonNull(fittedAt, "fittedAt");
        Objects.requireNonNull(transactions, "transactions");
    }

    /** {@code true} when the transaction model converged, so forecasts and criteria may use it. */
    public boolean usable() {
        return transactions.diagnostics().converged();
    }

    /** The same fit with the id the store gave it. */
    public LifetimeFit withId(long storedId) {
        return new LifetimeFit(storedId, dataset, sector, calibrationStart, calibrationEnd, holdoutEnd, timeUnitDays,
                fittedAt, transactions, spend);
    }
}
