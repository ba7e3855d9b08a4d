package org.moneytree.testplugin;

import java.nio.charset.StandardCharsets;
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

/** A plugin's scheme in columns whose reasons as bytes are not its reasons as text: every customer iron. */
@Component(service = TierScheme.class)
@TierSchemeId("misspoken")
public final class MisspokenScheme implements TierScheme {

    @Override
    public String name(Locale locale) {
        return "Misspoken (test)";
    }

    @Override
    public String description(Locale locale) {
        return "Places everyone in iron and writes that they are lead.";
    }

    @Override
    public List<TierAssignment> assign(Scores scores) {
        Tier[] tiers = new Tier[scores.report().figures().size()];
        Arrays.fill(tiers, Tier.IRON);
        byte[] written = "iron? no, lead".getBytes(StandardCharsets.UTF_8);
        return new TierColumns(scores.report().figures(), tiers, index -> "iron: everyone", (index, buffer, offset) -> {
            if (written.length > buffer.length - offset) {
                return -1;
            }
            System.arraycopy(written, 0, buffer, offset, written.length);
            return written.length;
        });
    }
}
