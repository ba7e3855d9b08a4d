package org.moneytree.sector.retail.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.scoring.Scores;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierAssignment;
import org.moneytree.api.tier.TierScheme;
import org.moneytree.api.tier.TierSchemeId;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Tiers for retail distribution, where a large one-off order is worth less than a steady buyer: recency,
 * frequency and revenue (RFM) together. Platinum: top 10% by revenue, at least 4 purchase lines and active
 * (a purchase in the last 180 days of the period). Gold: top 30% by revenue with at least 2 purchases. Lead:
 * below-median revenue from a single purchase, or from a customer who is no longer active, and every
 * customer whose cost to serve exceeds its gross margin. Iron: the rest.
 */
@Component(service = TierScheme.class, configurationPid = RetailTierScheme.PID)
@TierSchemeId(RetailTierScheme.ID)
@Designate(ocd = RetailConfiguration.class)
public final class RetailTierScheme implements TierScheme {

    static final String ID = "retail";
    static final String PID = "org.moneytree.sector.retail";

    private final RetailConfiguration configuration;

    @Activate
    public RetailTierScheme(RetailConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public String name(Locale locale) {
        return chinese(locale) ? "零售分销（最近购买、频次、金额）" : "Retail distribution (recency, frequency, revenue)";
    }

    @Override
    public String description(Locale locale) {
        RetailConfiguration c = configuration;
        return chinese(locale)
                ? String.format("铂金：收入前 %s%%、至少 %d 次购买且近 %d 天内有购买；黄金：收入前 %s%% 且至少 %d 次购买；"
                        + "铅质：收入低于中位数且只购买一次或已不活跃，或服务成本超过毛利；其余为铁质。", percent(c.platinumRevenuePercent()),
                        c.platinumPurchases(), c.activeDays(), percent(c.goldRevenuePercent()), c.goldPurchases())
                : String.format("Platinum: top %s%% by revenue, %d+ purchases, bought in the last %d days of the period; gold: top %s%%"
                        + " by revenue with %d+ purchases; lead: below-median revenue from one purchase or an inactive"
                        + " customer, or one whose cost to serve exceeds its gross margin; iron: the rest.", percent(c.platinumRevenuePercent()), c.platinumPurchases(),
                        c.activeDays(), percent(c.goldRevenuePercent()), c.goldPurchases());
    }

    @Override
    public List<TierAssignment> assign(Scores scores) {
        List<CustomerProfit> ranked = new ArrayList<>(scores.report().customers());
        ranked.sort(Comparator.comparing(CustomerProfit::revenue).reversed());
        int total = ranked.size();
        BigDecimal platinumRevenue = revenueAtPercent(ranked, configuration.platinumRevenuePercent());
        BigDecimal goldRevenue = revenueAtPercent(ranked, configuration.goldRevenuePercent());
        BigDecimal median = ranked.get(total / 2).revenue();
        LocalDate periodEnd = scores.report().period().lastDay();
        List<TierAssignment> assignments = new ArrayList<>(total);
        for (CustomerProfit customer : ranked) {
            if (customer.purchaseLines() == 0) {
                assignments.add(new TierAssignment(customer.customerId(), Tier.LEAD,
                        "lead: service activities but no purchases in " + scores.report().period()));
                continue;
            }
            long idleDays = ChronoUnit.DAYS.between(customer.lastPurchase(), periodEnd);
            boolean active = idleDays <= configuration.activeDays();
            String facts = ", revenue " + customer.revenue().toPlainString() + ", " + customer.purchaseLines()
                    + " purchases, last " + idleDays + " days before the period's end";
            Tier tier;
            String rule;
            if (customer.costToServe().compareTo(customer.grossMargin()) > 0) {
                tier = Tier.LEAD;
                rule = "cost to serve " + customer.costToServe().toPlainString() + " exceeds gross margin "
                        + customer.grossMargin().toPlainString();
            } else if (platinumRevenue != null && customer.revenue().compareTo(platinumRevenue) >= 0
                    && customer.purchaseLines() >= configuration.platinumPurchases() && active) {
                tier = Tier.PLATINUM;
                rule = "top " + percent(configuration.platinumRevenuePercent()) + "% revenue, frequent and active";
            } else if (goldRevenue != null && customer.revenue().compareTo(goldRevenue) >= 0
                    && customer.purchaseLines() >= configuration.goldPurchases()) {
                tier = Tier.GOLD;
                rule = "top " + percent(configuration.goldRevenuePercent()) + "% revenue, repeat buyer";
            } else if (customer.revenue().compareTo(median) < 0 && (customer.purchaseLines() == 1 || !active)) {
                tier = Tier.LEAD;
                rule = customer.purchaseLines() == 1 ? "below-median revenue, one purchase"
                        : "below-median revenue, inactive";
            } else {
                tier = Tier.IRON;
                rule = "ordinary";
            }
            assignments.add(new TierAssignment(customer.customerId(), tier, tier.id() + ": " + rule + facts));
        }
        return assignments;
    }

    /** The revenue of the last customer inside the top {@code percent}; {@code null} when that is no one. */
    private static BigDecimal revenueAtPercent(List<CustomerProfit> ranked, double percent) {
        int count = (int) Math.ceil(percent * ranked.size() / 100.0 - 1e-9);
        return count == 0 ? null : ranked.get(count - 1).revenue();
    }

    private static String percent(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static boolean chinese(Locale locale) {
        return "zh".equals(locale.getLanguage());
    }
}
