package org.moneytree.scoring.internal;

import java.lang.ref.WeakReference;
import java.util.Optional;

import org.moneytree.api.clv.CustomerLifetime;
import org.moneytree.api.clv.LifetimeForecast;
import org.moneytree.api.clv.LifetimeService;
import org.moneytree.api.profit.ProfitReport;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The criteria's one way to the lifetime service (impact of departure and growth potential both use it): it
 * maps a report's customers to their forecasts once, not once per criterion, and keeps the mapping of the last
 * few reports, held weakly so a finished analysis can be collected. Without the service or a usable fit there is
 * no outlook and the criteria use the period's figures.
 */
@Component(service = LifetimeOutlooks.class)
public final class LifetimeOutlooks {

    /** Periods of one analysis are scored side by side, so a few recent reports are kept. */
    private static final int KEPT = 4;

    /** One customer's forecast for an explanation: whether the fit knew the customer, and the forecast. */
    record Known(LifetimeForecast forecast, CustomerLifetime customer, boolean known) {
    }

    private record Entry(WeakReference<ProfitReport> report, LifetimeOutlook outlook) {
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LifetimeService lifetime;

    private final Entry[] recent = new Entry[KEPT];
    private int next;

    /**
     * The outlook of every customer of the report, or {@code null} without a usable fit. A mapping is reused only
     * for the same report and the same forecast: a fit made since gives a new one.
     */
    LifetimeOutlook of(ProfitReport report) {
        Optional<LifetimeForecast> forecast = forecast(report);
        if (forecast.isEmpty()) {
            return null;
        }
        synchronized (recent) {
            for (Entry entry : recent) {
                if (entry != null && entry.report().get() == report && entry.outlook().forecast() == forecast.get()) {
                    return entry.outlook();
                }
            }
        }
        LifetimeOutlook outlook = LifetimeOutlook.of(forecast.get(), report);
        synchronized (recent) {
            recent[next] = new Entry(new WeakReference<>(report), outlook);
            next = (next + 1) % KEPT;
        }
        return outlook;
    }

    /** One customer's forecast, for explanations, without mapping the whole report. */
    Optional<Known> customer(ProfitReport report, int customer) {
        return forecast(report).map(forecast -> {
            Optional<CustomerLifetime> known = forecast.find(report.figures().customerId(customer));
            return new Known(forecast, known.orElse(forecast.newCustomer()), known.isPresent());
        });
    }

    private Optional<LifetimeForecast> forecast(ProfitReport report) {
        LifetimeService service = lifetime;
        if (service == null || report.dataset() == null) {
            return Optional.empty();
        }
        return service.forecastAsOf(report.dataset(), report.period().lastDay());
    }
}
