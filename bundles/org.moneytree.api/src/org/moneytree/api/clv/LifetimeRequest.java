package org.moneytree.api.clv;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to fit. The calibration period runs from each customer's first purchase to {@code calibrationEnd}; the
 * purchases after it, up to {@code holdoutEnd}, are kept as the holdout that predictions are checked against.
 *
 * @param dataset the dataset whose stored purchases (or, for the contractual family, contracts) are used
 * @param calibrationEnd the last day of calibration, or {@code null} for the dataset's last purchase day
 * @param holdoutEnd the last day of the holdout period, or {@code null} for the last purchase day after
 *            calibration (no holdout when there is none)
 * @param family the model family, or {@code null} for the sector's choice or else the configured default
 * @param sector the id of a {@link SectorLifetimeModel} whose choices apply, or {@code null}
 * @param timeUnitDays the length of the model's time unit in days (7 for weeks, as the published results use),
 *            or 0 for the sector's or configured default
 */
public record LifetimeRequest(String dataset, LocalDate calibrationEnd, LocalDate holdoutEnd, ModelFamily family,
        String sector, double timeUnitDays) {

    public LifetimeRequest {
        Objects.requireNonNull(dataset, "dataset");
        if (family == ModelFamily.GAMMA_GAMMA) {
            throw new IllegalArgumentException("gamma-gamma models the value per purchase and is fitted with bg-nbd or"
                    + " pareto-nbd; choose one of bg-nbd, pareto-nbd or sbg");
        }
        if (timeUnitDays < 0 || Double.isNaN(timeUnitDays)) {
            throw new IllegalArgumentException("the time unit must be a positive number of days: " + timeUnitDays);
        }
        if (calibrationEnd != null && holdoutEnd != null && !holdoutEnd.isAfter(calibrationEnd)) {
            throw new IllegalArgumentException("the holdout must end after the calibration: " + holdoutEnd
                    + " is not after " + calibrationEnd);
        }
    }

    /** Fits the dataset with the defaults: all purchases, the configured model family. */
    public static LifetimeRequest of(String dataset) {
        return new LifetimeRequest(dataset, null, null, null, null, 0);
    }
}
