package org.moneytree.testplugin;

import java.util.List;
import java.util.Locale;

import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.scoring.Scores;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierAssignment;
import org.moneytree.api.tier.TierScheme;
import org.moneytree.api.tier.TierSchemeId;
import org.osgi.service.component.annotations.Component;

/** A careless plugin's scheme: it places only the first customer. */
@Component(service = TierScheme.class)
@TierSchemeId("incomplete")
public final class IncompleteScheme implements TierScheme {

    @Override
    public String name(Locale locale) {
        return "Incomplete (test)";
    }

    @Override
    public String description(Locale locale) {
        return "Forgets all customers but the first.";
    }

    @Override
    public List<TierAssignment> assign(Scores scores) {
        List<CustomerProfit> customers = scores.report().customers();
        return List.of(new TierAssignment(customers.get(0).customerId(), Tier.GOLD, "only one"));
    }
}
