package org.moneytree.scoring.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.moneytree.api.profit.CustomerFigures;
import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.scoring.Criterion;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Impact on company goals: the share of the customer's revenue in the product categories the company calls
 * strategic (configured for the analysis), or 1 for a customer flagged as strategic.
 */
@Component(service = Criterion.class, configurationPid = CompanyGoalsCriterion.PID)
@Designate(ocd = GoalsConfiguration.class)
public final class CompanyGoalsCriterion implements Criterion {

    static final String PID = "org.moneytree.scoring.goals";

    private final Set<String> strategicCustomers = new HashSet<>();

    @Activate
    public CompanyGoalsCriterion(GoalsConfiguration configuration) {
        for (String value : configuration.strategicCustomers()) {
            for (String id : value.split(",")) {
                if (!id.isBlank()) {
                    strategicCustomers.add(id.strip());
                }
            }
        }
    }

    @Override
    public String id() {
        return "company_goals";
    }

    @Override
    public String name(Locale locale) {
        return Words.chinese(locale) ? "对公司目标的影响" : "Impact on company goals";
    }

    @Override
    public String description(Locale locale) {
        return Words.chinese(locale) ? "战略品类收入占客户收入的比例；被标为战略客户者为 1。"
                : "Share of revenue in strategic product categories; 1 for a customer flagged as strategic.";
    }

    @Override
    public double defaultWeight() {
        return 10;
    }

    @Override
    public double[] evaluate(ProfitReport report) {
        CustomerFigures figures = report.figures();
        boolean flagged = !strategicCustomers.isEmpty();
        return Ranks.each(figures, index -> {
            if (flagged && strategicCustomers.contains(figures.customerId(index))) {
                return 1;
            }
            long revenue = figures.revenueCents(index);
            return revenue > 0 ? Math.clamp(figures.strategicRevenueCents(index) / 100.0 / (revenue / 100.0), 0, 1) : 0;
        });
    }

    @Override
    public String explain(ProfitReport report, int customer, double value, Locale locale) {
        CustomerProfit profit = report.customers().get(customer);
        if (strategicCustomers.contains(profit.customerId())) {
            return Words.chinese(locale) ? "被标为战略客户" : "flagged as a strategic customer";
        }
        return Words.chinese(locale) ? "战略品类收入 " + Words.money(profit.strategicRevenue()) + "，占其收入 "
                + Words.percent(value) : "revenue in strategic categories " + Words.money(profit.strategicRevenue())
                        + ", " + Words.percent(value) + " of its revenue";
    }
}
