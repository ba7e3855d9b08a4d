package org.moneytree.scoring.internal;

import java.math.BigDecimal;
import java.util.Locale;

import org.moneytree.api.profit.CustomerFigures;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.scoring.Criterion;
import org.osgi.service.component.annotations.Component;

/**
 * Profit share: how much of the company's net profit the customer makes, after cost to serve. The value is
 * the customer's percentile among the profitable customers; a customer without net profit gets 0.
 */
@Component(service = Criterion.class)
public final class ProfitShareCriterion implements Criterion {

    @Override
    public String id() {
        return "profit_share";
    }

    @Override
    public String name(Locale locale) {
        return Words.chinese(locale) ? "利润贡献" : "Profit share";
    }

    @Override
    public String description(Locale locale) {
        return Words.chinese(locale) ? "扣除服务成本后的净利润在盈利客户中的百分位；无净利润为 0。"
                : "Percentile of net profit (after cost to serve) among profitable customers; 0 without net profit.";
    }

    @Override
    public double defaultWeight() {
        return 30;
    }

    @Override
    public double[] evaluate(ProfitReport report) {
        CustomerFigures figures = report.figures();
        return Ranks.percentilesOfPositive(figures, figures::netProfitCents);
    }

    @Override
    public String explain(ProfitReport report, int customer, double value, Locale locale) {
        BigDecimal profit = report.customers().get(customer).netProfit();
        BigDecimal total = report.totals().netProfit();
        String share = total.signum() > 0 ? Words.percent(profit.doubleValue() / total.doubleValue()) : "-";
        if (Words.chinese(locale)) {
            return profit.signum() > 0 ? "净利润 " + Words.money(profit) + "，占总净利润 " + share + "，高于 "
                    + Words.percent(value) + " 的盈利客户" : "净利润 " + Words.money(profit) + "，没有利润贡献";
        }
        return profit.signum() > 0 ? "net profit " + Words.money(profit) + ", " + share + " of the total, above "
                + Words.percent(value) + " of profitable customers" : "net profit " + Words.money(profit) + ", no profit";
    }
}
