package org.moneytree.scoring.internal;

import java.math.BigDecimal;
import java.util.Locale;

import org.moneytree.api.profit.CustomerFigures;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.scoring.Criterion;
import org.osgi.service.component.annotations.Component;

/**
 * Impact of departure: the gross margin the company would lose if the customer left (the cost to serve
 * would go, the margin too; fixed costs stay). The value is the customer's percentile of gross margin among
 * customers with a positive one. A lifetime-value model will refine this with the chance that the customer
 * is still active.
 */
@Component(service = Criterion.class)
public final class DepartureImpactCriterion implements Criterion {

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
        return Words.chinese(locale) ? "客户流失时损失的毛利在有毛利客户中的百分位。"
                : "Percentile of the gross margin lost if the customer left, among customers with a gross margin.";
    }

    @Override
    public double defaultWeight() {
        return 20;
    }

    @Override
    public double[] evaluate(ProfitReport report) {
        CustomerFigures figures = report.figures();
        return Ranks.percentilesOfPositive(figures, figures::grossMarginCents);
    }

    @Override
    public String explain(ProfitReport report, int customer, double value, Locale locale) {
        BigDecimal margin = report.customers().get(customer).grossMargin();
        BigDecimal total = report.totals().grossMargin();
        String share = total.signum() > 0 ? Words.percent(margin.doubleValue() / total.doubleValue()) : "-";
        return Words.chinese(locale) ? "流失将损失毛利 " + Words.money(margin) + "（占总毛利 " + share + "）"
                : "gross margin at risk " + Words.money(margin) + " (" + share + " of all gross margin)";
    }
}
