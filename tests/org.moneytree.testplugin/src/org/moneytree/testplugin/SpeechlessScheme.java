package org.moneytree.testplugin;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.moneytree.api.scoring.Scores;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierAssignment;
import org.moneytree.api.tier.TierColumns;
import org.moneytree.api.tier.TierScheme;
import org.moneytree.api.tier.TierSchemeId;
import org.osgi.service.component.annotations.Component;

/** A plugin's scheme in columns whose reasons fail when they are written: every customer iron. */
@Component(service = TierScheme.class)
@TierSchemeId("speechless")
public final class SpeechlessScheme implements TierScheme {

    @Override
    public String name(Locale locale) {
        return "Speechless (test)";
    }

    @Override
    public String description(Locale locale) {
        return "Places everyone in iron and cannot say why.";
    }

    @Override
    public List<TierAssignment> assign(Scores scores) {
        Tier[] tiers = new Tier[scores.report().figures().size()];
        Arrays.fill(tiers, Tier.IRON);
        return new TierColumns(scores.report().figures(), tiers, index -> {
            throw new IllegalStateException("no words for customer " + index);
        });
    }
}
