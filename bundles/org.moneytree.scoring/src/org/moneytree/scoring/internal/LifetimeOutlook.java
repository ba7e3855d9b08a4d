package org.moneytree.scoring.internal;

import java.util.Locale;
import java.util.Optional;

import org.moneytree.api.clv.CustomerLifetime;
import org.moneytree.api.clv.LifetimeFit;
import org.moneytree.api.clv.LifetimeForecast;
import org.moneytree.api.clv.LifetimeService;
import org.moneytree.api.profit.CustomerFigures;
import org.moneytree.api.profit.ProfitReport;

/**
 * What a fitted lifetime-value model says about a period's customers, for the criteria that use it (impact of
 * departure, growth potential): the newest converged fit of the report's dataset whose calibration ended by the
 * period's last day, so a period is never judged with hindsight. Customers first seen after that calibration
 * get the model's expectation for a new customer.
 */
final class LifetimeOutlook {

    private final LifetimeForecast forecast;
    private final CustomerLifetime[] customers;

    private LifetimeOutlook(LifetimeForecast forecast, CustomerLifetime[] customers) {
        this.forecast = forecast;
        this.customers = customers;
    }

    /** The outlook of every customer of the report, or {@code null} without a service or a usable fit. */
    static LifetimeOutlook of(LifetimeService service, ProfitReport report) {
        Optional<LifetimeForecast> found = forecast(service, report);
        if (found.isEmpty()) {
            return null;
        }
        CustomerFigures figures = report.figures();
        CustomerLifetime[] customers = new CustomerLifetime[figures.size()];
        for (int index = 0; index < customers.length; index++) {
            customers[index] = found.get().find(figures.customerId(index)).orElse(null);
        }
        return new LifetimeOutlook(found.get(), customers);
    }

    static Optional<LifetimeForecast> forecast(LifetimeService service, ProfitReport report) {
        if (service == null || report.dataset() == null) {
            return Optional.empty();
        }
        return service.forecastAsOf(report.dataset(), report.period().lastDay());
    }

    /** The customer's forecast, or the one of a new customer when the fit does not know it. */
    CustomerLifetime at(int index) {
        return customers[index] != null ? customers[index] : forecast.newCustomer();
    }

    /** Expected revenue a year over the forecast horizon: purchases times value per purchase, annualised. */
    static double expectedYearlyRevenue(CustomerLifetime customer, LifetimeForecast forecast) {
        return customer.expectedPurchases() * customer.expectedValue().doubleValue() * 12.0 / forecast.horizonMonths();
    }

    double expectedYearlyRevenue(int index) {
        return expectedYearlyRevenue(at(index), forecast);
    }

    /** Which model said so, for explanations: "BG/NBD, calibration 1997-01-01 to 1997-09-30". */
    static String source(LifetimeForecast forecast, Locale locale) {
        LifetimeFit fit = forecast.fit();
        String model = fit.transactions().family().label(Locale.ENGLISH).split(" ")[0];
        return Words.chinese(locale) ? model + "，校准期 " + fit.calibrationStart() + " 至 " + fit.calibrationEnd()
                : model + ", calibration " + fit.calibrationStart() + " to " + fit.calibrationEnd();
    }
}
