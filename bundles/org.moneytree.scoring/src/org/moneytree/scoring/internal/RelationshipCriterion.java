package org.moneytree.scoring.internal;

import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.moneytree.api.profit.CustomerFigures;
import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.scoring.Criterion;
import org.osgi.service.component.annotations.Component;

/**
 * Relationship length and stability: half tenure (years since the first purchase or first contact, full
 * marks at five years), half regularity (the share of the twelve months ending with the period in which the
 * customer bought).
 */
@Component(service = Criterion.class)
public final class RelationshipCriterion implements Criterion {

    private static final double FULL_TENURE_YEARS = 5;

    @Override
    public String id() {
        return "relationship";
    }

    @Override
    public String name(Locale locale) {
        return Words.chinese(locale) ? "关系长度与稳定性" : "Relationship length and stability";
    }

    @Override
    public String description(Locale locale) {
        return Words.chinese(locale) ? "一半看合作年限（五年满分），一半看规律性（截至本期的十二个月中有购买的月份比例）。"
                : "Half tenure (full at five years), half regularity (share of the twelve months up to the period"
                        + " with a purchase).";
    }

    @Override
    public double defaultWeight() {
        return 15;
    }

    @Override
    public double[] evaluate(ProfitReport report) {
        CustomerFigures figures = report.figures();
        long end = report.period().end().toEpochDay();
        return Ranks.each(figures, index -> {
            int since = figures.customerSinceDay(index);
            double years = since == CustomerFigures.NO_DAY ? 0 : Math.max(0, (end - since) / 365.25);
            return Math.min(1, years / FULL_TENURE_YEARS) / 2 + figures.activeMonths(index) / 24.0;
        });
    }

    private static double years(ProfitReport report, CustomerProfit customer) {
        if (customer.customerSince() == null) {
            return 0;
        }
        return Math.max(0, ChronoUnit.DAYS.between(customer.customerSince(), report.period().end()) / 365.25);
    }

    @Override
    public String explain(ProfitReport report, int customer, double value, Locale locale) {
        CustomerProfit profit = report.customers().get(customer);
        String years = String.format(Locale.ROOT, "%.1f", years(report, profit));
        return Words.chinese(locale) ? "合作 " + years + " 年，近十二个月中 " + profit.activeMonths() + " 个月有购买"
                : years + " years a customer, bought in " + profit.activeMonths() + " of the last 12 months";
    }
}
