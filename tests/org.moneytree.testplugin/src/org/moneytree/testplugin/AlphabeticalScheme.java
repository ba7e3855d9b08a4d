package org.moneytree.testplugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.scoring.Scores;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierAssignment;
import org.moneytree.api.tier.TierScheme;
import org.moneytree.api.tier.TierSchemeId;
import org.osgi.service.component.annotations.Component;

/** A scheme a test can see come and go: customers whose id starts with 'a' are platinum, the rest lead. */
@Component(service = TierScheme.class)
@TierSchemeId("alphabetical")
public final class AlphabeticalScheme implements TierScheme {

    @Override
    public String name(Locale locale) {
        return "Alphabetical (test)";
    }

    @Override
    public String description(Locale locale) {
        return "Ids starting with 'a' are platinum, the rest lead.";
    }

    @Override
    public List<TierAssignment> assign(Scores scores) {
        List<CustomerProfit> customers = scores.report().customers();
        List<TierAssignment> assignments = new ArrayList<>();
        for (CustomerProfit customer : customers) {
            Tier tier = customer.customerId().startsWith("a") ? Tier.PLATINUM : Tier.LEAD;
            assignments.add(new TierAssignment(customer.customerId(), tier, "first letter"));
        }
        return assignments;
    }
}
