package org.moneytree.scoring.internal;

import java.util.Locale;

import org.moneytree.api.profit.CustomerFigures;
import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.scoring.Criterion;
import org.osgi.service.component.annotations.Component;

/**
 * Growth potential, from the revenue trend: the change against the period before, relative to the larger
 * of the two, mapped from -100%..+100% onto 0..1. A customer that doubled scores 0.75, one that is new or
 * grew from nothing scores 1, one that stopped buying scores 0, an unchanged one 0.5. A lifetime-value model
 * will refine this with expected future purchases.
 */
@Component(service = Criterion.class)
public final class GrowthCriterion implements Criterion {

    @Override
    public String id() {
        return "growth";
    }

    @Override
    public String name(Locale locale) {
        return Words.chinese(locale) ? "增长潜力" : "Growth potential";
    }

    @Override
    public String description(Locale locale) {
        return Words.chinese(locale) ? "与上一期相比的收入变化（相对两期中较大者），映射到 0 至 1；不变为 0.5，新客户为 1。"
                : "Revenue change against the period before, relative to the larger of the two, mapped onto 0 to 1;"
                        + " unchanged is 0.5, new is 1.";
    }

    @Override
    public double defaultWeight() {
        return 10;
    }

    @Override
    public double[] evaluate(ProfitReport report) {
        CustomerFigures figures = report.figures();
        return Ranks.each(figures, index -> value(figures.revenueCents(index), figures.previousRevenueCents(index)));
    }

    static double value(long revenueCents, long previousRevenueCents) {
        double now = Math.max(0, revenueCents / 100.0);
        double before = Math.max(0, previousRevenueCents / 100.0);
        double larger = Math.max(now, before);
        if (larger == 0) {
            return 0;
        }
        return ((now - before) / larger + 1) / 2;
    }

    @Override
    public String explain(ProfitReport report, int customer, double value, Locale locale) {
        CustomerProfit profit = report.customers().get(customer);
        String before = Words.money(profit.previousRevenue());
        String now = Words.money(profit.revenue());
        String previous = report.period().previous().id();
        return Words.chinese(locale) ? "收入 " + now + "，上一期（" + previous + "）为 " + before
                : "revenue " + now + " against " + before + " in " + previous;
    }
}
