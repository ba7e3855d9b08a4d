package org.moneytree.api.clv;

import java.util.List;
import java.util.Objects;

/**
 * The classic check of a purchase model: purchases the model expected in the holdout period against those that
 * happened, per calibration frequency (the conditional expectations of Fader, Hardie and Lee 2005, figure 4) and
 * as cumulative repeat purchases over time (their tracking plot, figure 2) — a table and a chart data series.
 *
 * @param fit the fit
 * @param holdoutLength the holdout's length in the fit's time unit
 * @param rows per calibration frequency 0, 1, ... up to the last row, which collects that frequency and more
 * @param actualTotal purchases in the holdout
 * @param expectedTotal purchases the model expected there
 * @param tracking cumulative repeat purchases per time unit since the first calibration day, actual and expected
 */
public record HoldoutComparison(LifetimeFit fit, double holdoutLength, List<Row> rows, long actualTotal,
        double expectedTotal, List<TrackingPoint> tracking) {

    public HoldoutComparison {
        Objects.requireNonNull(fit, "fit");
        rows = List.copyOf(rows);
        tracking = List.copyOf(tracking);
    }

    /**
     * One calibration frequency.
     *
     * @param frequency the repeat purchases in calibration
     * @param andMore {@code true} for the last row, which includes higher frequencies
     * @param customers how many customers
     * @param actualMean their average purchases in the holdout
     * @param expectedMean the model's expectation of that average
     */
    public record Row(int frequency, boolean andMore, long customers, double actualMean, double expectedMean) {
    }

    /**
     * Cumulative repeat purchases at the end of a time unit.
     *
     * @param unit the time unit's number, 1 for the first after the calibration's first day
     * @param holdout {@code true} once the unit lies in the holdout period
     * @param actual repeat purchases so far
     * @param expected what the model expects so far, for the same customers from their first purchases
     */
    public record TrackingPoint(int unit, boolean holdout, long actual, double expected) {
    }
}
