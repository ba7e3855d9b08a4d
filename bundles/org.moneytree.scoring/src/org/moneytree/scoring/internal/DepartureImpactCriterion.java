package org.moneytree.scoring.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

import org.moneytree.api.clv.LifetimeForecast;
import org.moneytree.api.profit.CustomerFigures;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.scoring.Criterion;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Impact of departure: what the company would lose if the customer left. With a lifetime-value model fitted to
 * the dataset (see {@link LifetimeOutlook}), that is the customer's expected lifetime profit after cost to serve,
 * which weighs the chance that the customer is still active and the purchases to come; without one, the period's
 * gross margin (the cost to serve would go, the margin too; fixed costs stay). The value is the customer's
 * percentile among customers with a positive amount.
 */
@Component(service = Criterion.class)
public final class DepartureImpactCriterion implements Criterion {

    private final LifetimeOutlooks outlooks;

    @Activate
    public DepartureImpactCriterion(@Reference LifetimeOutlooks outlooks) {
        this.outlooks = outlooks;
    }

    @Override
    public String id() {
        return "departure_impact";
    }

    @Override
    public String name(Locale locale) {
        return Words.chinese(locale) ? "流失影响" : "Impact of departure";
    }

    @Override
    public String description(Locale locale) {
        return Words.chinese(locale) ? "客户流失时损失的预期终身利润（已拟合终身价值模型时）或本期毛利，在金额为正的客户中的百分位。"
                : "Percentile of what is lost if the customer left, among customers where it is positive: the expected"
                        + " lifetime profit when a lifetime-value model is fitted, else the period's gross margin.";
    }

    @Override
    public double defaultWeight() {
        return 20;
    }

    @Override
    public double[] evaluate(ProfitReport report) {
        CustomerFigures figures = report.figures();
        LifetimeOutlook outlook = outlooks.of(report);
        if (outlook != null) {
            return Ranks.percentilesOfPositive(figures,
                    index -> outlook.at(index).lifetimeProfit().movePointRight(2).longValueExact());
        }
        return Ranks.percentilesOfPositive(figures, figures::grossMarginCents);
    }

    @Override
    public String explain(ProfitReport report, int customer, double value, Locale locale) {
        Optional<LifetimeOutlooks.Known> known = outlooks.customer(report, customer);
        if (known.isPresent()) {
            LifetimeForecast forecast = known.get().forecast();
            String profit = Words.money(known.get().customer().lifetimeProfit());
            String alive = Words.percent(known.get().customer().probabilityAlive());
            String source = LifetimeOutlook.source(forecast, locale);
            boolean isNew = !known.get().known();
            if (Words.chinese(locale)) {
                return "流失将损失预期终身利润 " + profit + "（" + forecast.horizonMonths() + " 个月，存活概率 " + alive
                        + (isNew ? "，校准后的新客户" : "") + "；" + source + "）";
            }
            return "expected lifetime profit at risk " + profit + " over " + forecast.horizonMonths() + " months (P(alive) "
                    + alive + (isNew ? ", new since the calibration" : "") + "; " + source + ")";
        }
        BigDecimal margin = report.customers().get(customer).grossMargin();
        BigDecimal total = report.totals().grossMargin();
        String share = total.signum() > 0 ? Words.percent(margin.doubleValue() / total.doubleValue()) : "-";
        return Words.chinese(locale) ? "流失将损失毛利 " + Words.money(margin) + "（占总毛利 " + share + "）"
                : "gross margin at risk " + Words.money(margin) + " (" + share + " of all gross margin)";
    }
}
