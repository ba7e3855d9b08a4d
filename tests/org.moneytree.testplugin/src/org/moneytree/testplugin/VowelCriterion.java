package org.moneytree.testplugin;

import java.util.Locale;

import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.scoring.Criterion;
import org.osgi.service.component.annotations.Component;

/** A criterion a test can see come and go: 1 for customers whose id starts with a vowel, else 0. */
@Component(service = Criterion.class)
public final class VowelCriterion implements Criterion {

    @Override
    public String id() {
        return "vowel";
    }

    @Override
    public String name(Locale locale) {
        return "Vowel (test)";
    }

    @Override
    public String description(Locale locale) {
        return "1 when the id starts with a vowel.";
    }

    @Override
    public double[] evaluate(ProfitReport report) {
        double[] values = new double[report.customers().size()];
        for (int index = 0; index < values.length; index++) {
            values[index] = "aeiouAEIOU".indexOf(report.customers().get(index).customerId().charAt(0)) >= 0 ? 1 : 0;
        }
        return values;
    }

    @Override
    public String explain(ProfitReport report, int customer, double value, Locale locale) {
        return value == 1 ? "starts with a vowel" : "starts with a consonant";
    }
}
