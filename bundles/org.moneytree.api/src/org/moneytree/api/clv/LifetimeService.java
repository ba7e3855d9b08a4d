package org.moneytree.api.clv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Fits lifetime-value models to a dataset, keeps the fits and forecasts from them. Calibration summaries follow
 * Fader, Hardie and Lee (2005): purchases on the same day are one transaction, the first transaction starts the
 * customer's clock and is not a repeat purchase, a day with only returns (negative revenue) is no transaction but
 * a free purchase is one, recency and age are measured from the first transaction in the fit's time unit, and the
 * value of a transaction is the day's net revenue. Customers whose first purchase falls on the last day of calibration have
 * nothing to calibrate on and are left out.
 */
@ProviderType
public interface LifetimeService {

    /**
     * Fits and stores a model. A fit that does not converge is stored and returned too, marked so, and is never
     * used for forecasts.
     *
     * @throws LifetimeException when the data cannot support the model (no purchases, no repeat buyers, no
     *             contracts, an unknown sector or dataset)
     */
    LifetimeFit fit(LifetimeRequest request);

    /** The stored fits of a dataset, oldest first. */
    List<LifetimeFit> fits(String dataset);

    /** The newest fit of a dataset, converged or not. */
    Optional<LifetimeFit> latest(String dataset);

    /**
     * Forecasts every calibrated customer from the dataset's newest fit.
     *
     * @param horizonMonths the horizon, or 0 for the sector's or configured default
     * @param annualDiscountRate the yearly discount rate, or {@code null} for the default
     * @throws LifetimeException when there is no fit or the newest did not converge
     */
    LifetimeForecast forecast(String dataset, int horizonMonths, BigDecimal annualDiscountRate);

    /**
     * The forecast of the newest converged fit whose calibration ended on or before {@code asOf}, with the default
     * horizon and discount rate; empty when there is none. Scoring criteria use this: it never fails.
     */
    Optional<LifetimeForecast> forecastAsOf(String dataset, LocalDate asOf);

    /**
     * Expected against actual purchases in the holdout period of the dataset's newest fit.
     *
     * @throws LifetimeException when the fit has no holdout, is a contract model or did not converge
     */
    HoldoutComparison holdout(String dataset);

    /** The registered sector choices, by id. */
    List<SectorLifetimeModel> sectors();
}
