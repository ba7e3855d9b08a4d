package org.moneytree.pyramid.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.moneytree.api.figures.CustomerFigures;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierAssignment;
import org.moneytree.api.tier.TierScheme;
import org.moneytree.api.tier.TierSchemeId;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The default customer pyramid: customers ranked by revenue, platinum the top 5%, gold down to 20%, iron
 * down to 70%, lead the rest and everyone without positive revenue. Customers with equal revenue share the
 * tier of the best-ranked of them, so a tie at a boundary goes up.
 */
@Component(service = TierScheme.class, configurationPid = CustomerPyramid.PID)
@TierSchemeId(CustomerPyramid.ID)
@Designate(ocd = PyramidConfiguration.class)
public final class CustomerPyramid implements TierScheme {

    static final String ID = "pyramid";
    static final String PID = "org.moneytree.pyramid";

    private final double platinumPercent;
    private final double goldPercent;
    private final double ironPercent;

    @Activate
    public CustomerPyramid(PyramidConfiguration configuration) {
        this(configuration.platinumPercent(), configuration.goldPercent(), configuration.ironPercent());
    }

    CustomerPyramid(double platinumPercent, double goldPercent, double ironPercent) {
        if (!(0 <= platinumPercent && platinumPercent <= goldPercent && goldPercent <= ironPercent
                && ironPercent <= 100)) {
            throw new IllegalArgumentException("pyramid cut-offs must rise from 0 to 100: platinum "
                    + platinumPercent + "%, gold " + goldPercent + "%, iron " + ironPercent + "%");
        }
        this.platinumPercent = platinumPercent;
        this.goldPercent = goldPercent;
        this.ironPercent = ironPercent;
    }

    @Override
    public String name(Locale locale) {
        return chinese(locale) ? "客户金字塔（按收入）" : "Customer pyramid (by revenue)";
    }

    @Override
    public String description(Locale locale) {
        return chinese(locale)
                ? String.format("按收入排名：前 %s%% 为铂金，至 %s%% 为黄金，至 %s%% 为铁质，其余及无正收入者为铅质。",
                        percent(platinumPercent), percent(goldPercent), percent(ironPercent))
                : String.format("Customers ranked by revenue: platinum the top %s%%, gold down to %s%%, iron down to %s%%,"
                        + " lead the rest and anyone without positive revenue.",
                        percent(platinumPercent), percent(goldPercent), percent(ironPercent));
    }

    @Override
    public List<TierAssignment> assign(List<CustomerFigures> customers) {
        List<CustomerFigures> ranked = new ArrayList<>(customers);
        ranked.sort(Comparator.comparing(CustomerFigures::revenue).reversed()
                .thenComparing(CustomerFigures::customerId));
        int total = ranked.size();
        long platinumCount = cutoff(platinumPercent, total);
        long goldCount = cutoff(goldPercent, total);
        long ironCount = cutoff(ironPercent, total);
        List<TierAssignment> assignments = new ArrayList<>(total);
        int rank = 0;
        for (int position = 0; position < total; position++) {
            CustomerFigures customer = ranked.get(position);
            if (position == 0 || customer.revenue().compareTo(ranked.get(position - 1).revenue()) != 0) {
                rank = position;
            }
            Tier tier;
            String rule;
            if (customer.revenue().signum() <= 0) {
                tier = Tier.LEAD;
                rule = "no positive revenue";
            } else if (rank < platinumCount) {
                tier = Tier.PLATINUM;
                rule = "top " + percent(platinumPercent) + "% by revenue";
            } else if (rank < goldCount) {
                tier = Tier.GOLD;
                rule = "top " + percent(goldPercent) + "% by revenue";
            } else if (rank < ironCount) {
                tier = Tier.IRON;
                rule = "top " + percent(ironPercent) + "% by revenue";
            } else {
                tier = Tier.LEAD;
                rule = "bottom " + percent(100 - ironPercent) + "% by revenue";
            }
            assignments.add(new TierAssignment(customer.customerId(), tier, tier.id() + ": " + rule + ", rank "
                    + (rank + 1) + " of " + total + ", revenue " + customer.revenue().toPlainString()));
        }
        return assignments;
    }

    /** How many of {@code total} ranked customers a cumulative percentage covers, rounded up. */
    private static long cutoff(double percent, int total) {
        return (long) Math.ceil(percent * total / 100.0 - 1e-9);
    }

    private static String percent(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static boolean chinese(Locale locale) {
        return "zh".equals(locale.getLanguage());
    }
}
