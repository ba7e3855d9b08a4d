package org.moneytree.scoring.internal;

import java.util.Locale;

import org.moneytree.api.clv.CustomerLifetime;
import org.moneytree.api.clv.LifetimeFit;
import org.moneytree.api.clv.LifetimeForecast;
import org.moneytree.api.profit.CustomerFigures;
import org.moneytree.api.profit.ProfitReport;

/**
 * What a fitted lifetime-value model says about a period's customers, for the criteria that use it (impact of
 * departure, growth potential): the newest converged fit of the report's dataset whose calibration ended by the
 * period's last day, so a period is never judged with hindsight ({@link LifetimeOutlooks} finds it). Customers first
 * seen after that calibration get the model's expectation for a new customer.
 */
final class LifetimeOutlook {

    private final LifetimeForecast forecast;
    private final CustomerLifetime[] customers;

    private LifetimeOutlook(LifetimeForecast forecast, CustomerLifetime[] customers) {
        this.forecast = forecast;
        this.customers = customers;
    }

    /** Every customer of the report with its forecast, by binary search in the forecast's sorted customers. */
    static LifetimeOutlook of(LifetimeForecast forecast, ProfitReport report) {
        CustomerFigures figures = report.figures();
        CustomerLifetime[] customers = new CustomerLifetime[figures.size()];
        for (int index = 0; index < customers.length; index++) {
            customers[index] = forecast.find(figures.customerId(index)).orElse(null);
        }
        return new LifetimeOutlook(forecast, customers);
    }

    LifetimeForecast forecast() {
        return forecast;
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
