package org.moneytree.testplugin;

import java.util.Locale;

import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.scoring.Criterion;
import org.osgi.service.component.annotations.Component;

/** A broken plugin's criterion: it answers with a value outside 0 to 1. */
@Component(service = Criterion.class)
public final class BrokenCriterion implements Criterion {

    @Override
    public String id() {
        return "broken";
    }

    @Override
    public String name(Locale locale) {
        return "Broken (test)";
    }

    @Override
    public String description(Locale locale) {
        return "Gives 7 to everyone.";
    }

    @Override
    public double[] evaluate(ProfitReport report) {
        double[] values = new double[report.customers().size()];
        java.util.Arrays.fill(values, 7);
        return values;
    }

    @Override
    public String explain(ProfitReport report, int customer, double value, Locale locale) {
        return "seven";
    }
}
