package org.moneytree.testplugin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.moneytree.api.profit.ActivityRate;
import org.moneytree.api.profit.CostModel;
import org.osgi.service.component.annotations.Component;

/** A cost model a test can see come and go: every visit costs 100, nothing else is priced. */
@Component(service = CostModel.class)
public final class FlatCostModel implements CostModel {

    @Override
    public String id() {
        return "flat";
    }

    @Override
    public String name(Locale locale) {
        return "Flat (test)";
    }

    @Override
    public List<ActivityRate> rates() {
        return List.of(new ActivityRate("visit", new BigDecimal("100"), "visit", "次拜访"));
    }
}
