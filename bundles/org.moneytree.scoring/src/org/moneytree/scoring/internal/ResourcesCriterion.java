package org.moneytree.scoring.internal;

import java.util.Locale;

import org.moneytree.api.profit.CustomerFigures;
import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.scoring.Criterion;
import org.osgi.service.component.annotations.Component;

/**
 * Resources spent: cost to serve relative to the value the customer brings. The value is 1 minus cost to
 * serve over gross margin, at least 0: a customer served for free scores 1, one whose service eats all its
 * margin (or who has none) scores 0.
 */
@Component(service = Criterion.class)
public final class ResourcesCriterion implements Criterion {

    @Override
    public String id() {
        return "resources";
    }

    @Override
    public String name(Locale locale) {
        return Words.chinese(locale) ? "资源投入" : "Resources spent";
    }

    @Override
    public String description(Locale locale) {
        return Words.chinese(locale) ? "1 减去服务成本占毛利之比，最低为 0：服务成本越低越好。"
                : "1 minus cost to serve over gross margin, at least 0: the less serving costs, the better.";
    }

    @Override
    public double defaultWeight() {
        return 15;
    }

    @Override
    public double[] evaluate(ProfitReport report) {
        CustomerFigures figures = report.figures();
        return Ranks.each(figures, index -> {
            double margin = figures.grossMarginCents(index) / 100.0;
            if (margin <= 0) {
                return 0;
            }
            return Math.max(0, 1 - figures.costToServeCents(index) / 100.0 / margin);
        });
    }

    @Override
    public String explain(ProfitReport report, int customer, double value, Locale locale) {
        CustomerProfit profit = report.customers().get(customer);
        double margin = profit.grossMargin().doubleValue();
        String ratio = margin > 0 ? Words.percent(profit.costToServe().doubleValue() / margin) : "-";
        if (Words.chinese(locale)) {
            return margin > 0 ? "服务成本 " + Words.money(profit.costToServe()) + "，占毛利 " + ratio
                    : "服务成本 " + Words.money(profit.costToServe()) + "，没有毛利";
        }
        return margin > 0 ? "cost to serve " + Words.money(profit.costToServe()) + ", " + ratio + " of gross margin"
                : "cost to serve " + Words.money(profit.costToServe()) + " with no gross margin";
    }
}
