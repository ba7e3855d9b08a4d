package org.moneytree.testplugin;

import java.util.List;
import java.util.Locale;

import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.scoring.Scores;
import org.moneytree.api.tier.TierAssignment;
import org.moneytree.api.tier.TierScheme;
import org.moneytree.api.tier.TierSchemeId;
import org.osgi.service.component.annotations.Component;

/** A broken plugin's scheme: it throws when asked to assign tiers. */
@Component(service = TierScheme.class)
@TierSchemeId("exploding")
public final class ExplodingScheme implements TierScheme {

    @Override
    public String name(Locale locale) {
        return "Exploding (test)";
    }

    @Override
    public String description(Locale locale) {
        return "Throws on every use.";
    }

    @Override
    public List<TierAssignment> assign(Scores scores) {
        List<CustomerProfit> customers = scores.report().customers();
        throw new IllegalStateException("boom from the exploding scheme");
    }
}
