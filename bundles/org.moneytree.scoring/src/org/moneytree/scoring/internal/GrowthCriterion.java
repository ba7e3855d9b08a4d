package org.moneytree.scoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import org.moneytree.api.clv.LifetimeForecast;
import org.moneytree.api.profit.CustomerFigures;
import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.profit.Period;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.scoring.Criterion;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Growth potential: where the customer's revenue is heading, as the change against where it is, relative to the
 * larger of the two, mapped from -100%..+100% onto 0..1 (doubled scores 0.75, unchanged 0.5, stopped 0). With a
 * lifetime-value model fitted to the dataset (see {@link LifetimeOutlook}), the change is from the period's
 * revenue to the model's expected revenue a year over its horizon, both per year; without one, from the period
 * before to this one (new customers score 1).
 */
@Component(service = Criterion.class)
public final class GrowthCriterion implements Criterion {

    private final LifetimeOutlooks outlooks;

    @Activate
    public GrowthCriterion(@Reference LifetimeOutlooks outlooks) {
        this.outlooks = outlooks;
    }

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
        return Words.chinese(locale) ? "收入走向（相对两者中较大者），映射到 0 至 1，不变为 0.5：已拟合终身价值模型时为本期年化收入到模型预期年收入的变化，"
                + "否则为与上一期相比的变化（新客户为 1）。"
                : "Where revenue is heading, relative to the larger of the two, mapped onto 0 to 1 (unchanged is 0.5): from"
                        + " this period's revenue a year to the expected revenue a year when a lifetime-value model is"
                        + " fitted, else from the period before to this one (new is 1).";
    }

    @Override
    public double defaultWeight() {
        return 10;
    }

    @Override
    public double[] evaluate(ProfitReport report) {
        CustomerFigures figures = report.figures();
        LifetimeOutlook outlook = outlooks.of(report);
        if (outlook != null) {
            double perYear = perYear(report.period());
            return Ranks.each(figures, index -> change(Math.max(0, figures.revenueCents(index) / 100.0) * perYear,
                    outlook.expectedYearlyRevenue(index)));
        }
        return Ranks.each(figures, index -> value(figures.revenueCents(index), figures.previousRevenueCents(index)));
    }

    static double value(long revenueCents, long previousRevenueCents) {
        return change(Math.max(0, previousRevenueCents / 100.0), Math.max(0, revenueCents / 100.0));
    }

    /** The change from {@code before} to {@code after}, relative to the larger, mapped onto 0..1. */
    static double change(double before, double after) {
        double larger = Math.max(after, before);
        if (larger <= 0) {
            return 0;
        }
        return ((after - before) / larger + 1) / 2;
    }

    /** How many of the period fit in a year: 1 for a year, 4 for a quarter, 12 for a month. */
    private static double perYear(Period period) {
        return 12.0 / ChronoUnit.MONTHS.between(period.start(), period.end());
    }

    @Override
    public String explain(ProfitReport report, int customer, double value, Locale locale) {
        Optional<LifetimeOutlooks.Known> known = outlooks.customer(report, customer);
        if (known.isPresent()) {
            LifetimeForecast forecast = known.get().forecast();
            BigDecimal expected = BigDecimal.valueOf(LifetimeOutlook.expectedYearlyRevenue(known.get().customer(),
                    forecast)).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal now = BigDecimal.valueOf(Math.max(0, report.figures().revenueCents(customer) / 100.0)
                    * perYear(report.period())).setScale(2, RoundingMode.HALF_EVEN);
            String source = LifetimeOutlook.source(forecast, locale);
            int months = forecast.horizonMonths();
            boolean isNew = !known.get().known();
            if (Words.chinese(locale)) {
                return "预期未来 " + months + " 个月平均每年收入 " + Words.money(expected) + "，本期年化收入 " + Words.money(now)
                        + (isNew ? "（校准后的新客户）" : "") + "（" + source + "）";
            }
            return "expected revenue " + Words.money(expected) + " a year over the next " + months + " months against "
                    + Words.money(now) + " a year now" + (isNew ? " (new since the calibration)" : "") + " (" + source
                    + ")";
        }
        CustomerProfit profit = report.customers().get(customer);
        String before = Words.money(profit.previousRevenue());
        String now = Words.money(profit.revenue());
        String previous = report.period().previous().id();
        return Words.chinese(locale) ? "收入 " + now + "，上一期（" + previous + "）为 " + before
                : "revenue " + now + " against " + before + " in " + previous;
    }
}
