package org.moneytree.pyramid.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.moneytree.api.profit.CustomerFigures;
import org.moneytree.api.scoring.Ranking;
import org.moneytree.api.scoring.Scores;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierAssignment;
import org.moneytree.api.tier.TierScheme;
import org.moneytree.api.tier.TierSchemeId;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The default customer pyramid: customers ranked by key-account score (or, configured, by net profit or
 * revenue), platinum the top 5%, gold down to 20%, iron down to 70%, lead the rest, and every customer who
 * loses money (negative net profit) lead whatever its rank. Customers with an equal key share the tier of
 * the best-ranked of them, so a tie at a boundary goes up.
 */
@Component(service = TierScheme.class, configurationPid = CustomerPyramid.PID)
@TierSchemeId(CustomerPyramid.ID)
@Designate(ocd = PyramidConfiguration.class)
public final class CustomerPyramid implements TierScheme {

    static final String ID = "pyramid";
    static final String PID = "org.moneytree.pyramid";

    /** What customers are ranked by. */
    enum RankBy {
        SCORE("score", "key-account score", "关键客户评分"),
        NET_PROFIT("net_profit", "net profit", "净利润"),
        REVENUE("revenue", "revenue", "收入");

        final String id;
        final String english;
        final String chinese;

        RankBy(String id, String english, String chinese) {
            this.id = id;
            this.english = english;
            this.chinese = chinese;
        }

        static RankBy forId(String id) {
            for (RankBy ranking : values()) {
                if (ranking.id.equals(id.strip())) {
                    return ranking;
                }
            }
            throw new IllegalArgumentException(PID + " rankBy is '" + id + "'; expected score, net_profit or revenue");
        }
    }

    private final RankBy ranking;
    private final double platinumPercent;
    private final double goldPercent;
    private final double ironPercent;
    private final boolean lossMakersLead;

    @Activate
    public CustomerPyramid(PyramidConfiguration configuration) {
        this(RankBy.forId(configuration.rankBy()), configuration.platinumPercent(), configuration.goldPercent(),
                configuration.ironPercent(), configuration.lossMakersLead());
    }

    CustomerPyramid(RankBy ranking, double platinumPercent, double goldPercent, double ironPercent,
            boolean lossMakersLead) {
        if (!(0 <= platinumPercent && platinumPercent <= goldPercent && goldPercent <= ironPercent
                && ironPercent <= 100)) {
            throw new IllegalArgumentException("pyramid cut-offs must rise from 0 to 100: platinum "
                    + platinumPercent + "%, gold " + goldPercent + "%, iron " + ironPercent + "%");
        }
        this.ranking = ranking;
        this.platinumPercent = platinumPercent;
        this.goldPercent = goldPercent;
        this.ironPercent = ironPercent;
        this.lossMakersLead = lossMakersLead;
    }

    @Override
    public String name(Locale locale) {
        return chinese(locale) ? "客户金字塔（按" + ranking.chinese + "）" : "Customer pyramid (by " + ranking.english + ")";
    }

    @Override
    public String description(Locale locale) {
        String losers = lossMakersLead ? (chinese(locale) ? "，亏损客户一律为铅质" : "; every customer losing money is lead")
                : "";
        return chinese(locale)
                ? String.format("按%s排名：前 %s%% 为铂金，至 %s%% 为黄金，至 %s%% 为铁质，其余为铅质%s。", ranking.chinese,
                        percent(platinumPercent), percent(goldPercent), percent(ironPercent), losers)
                : String.format("Customers ranked by %s: platinum the top %s%%, gold down to %s%%, iron down to %s%%,"
                        + " lead the rest%s.", ranking.english, percent(platinumPercent), percent(goldPercent),
                        percent(ironPercent), losers);
    }

    @Override
    public List<TierAssignment> assign(Scores scores) {
        CustomerFigures customers = scores.report().figures();
        int total = customers.size();
        double[] keys = new double[total];
        double[] negated = new double[total];
        for (int index = 0; index < total; index++) {
            keys[index] = switch (ranking) {
                case SCORE -> scores.score(index);
                case NET_PROFIT -> customers.netProfitCents(index) / 100.0;
                case REVENUE -> customers.revenueCents(index) / 100.0;
            };
            negated[index] = -keys[index];
        }
        // highest first; a stable sort keeps equal keys in the report's order, by customer id
        int[] ranked = Ranking.ascending(negated);
        long platinumCount = cutoff(platinumPercent, total);
        long goldCount = cutoff(goldPercent, total);
        long ironCount = cutoff(ironPercent, total);
        BigDecimal totalProfit = scores.report().totals().netProfit();
        double totalProfitValue = totalProfit.doubleValue();
        TierAssignment[] assignments = new TierAssignment[total];
        String platinumRule = "top " + percent(platinumPercent) + "% by " + ranking.english;
        String goldRule = "top " + percent(goldPercent) + "% by " + ranking.english;
        String ironRule = "top " + percent(ironPercent) + "% by " + ranking.english;
        String leadRule = "bottom " + percent(100 - ironPercent) + "% by " + ranking.english;
        int rank = 0;
        for (int position = 0; position < total; position++) {
            int index = ranked[position];
            if (position == 0 || keys[index] != keys[ranked[position - 1]]) {
                rank = position;
            }
            long netProfit = customers.netProfitCents(index);
            Tier tier;
            String rule;
            if (lossMakersLead && netProfit < 0) {
                tier = Tier.LEAD;
                rule = "loses money";
            } else if (rank < platinumCount) {
                tier = Tier.PLATINUM;
                rule = platinumRule;
            } else if (rank < goldCount) {
                tier = Tier.GOLD;
                rule = goldRule;
            } else if (rank < ironCount) {
                tier = Tier.IRON;
                rule = ironRule;
            } else {
                tier = Tier.LEAD;
                rule = leadRule;
            }
            StringBuilder reason = new StringBuilder(96).append(tier.id()).append(": ").append(rule).append(", rank ")
                    .append(rank + 1).append(" of ").append(total).append(", score ");
            appendTenths(reason, Math.round(scores.score(index) * 10));
            reason.append(", net profit ");
            appendMoney(reason, netProfit);
            if (totalProfit.signum() > 0) {
                reason.append(" (");
                appendTenths(reason, Math.round(netProfit / 100.0 * 1000 / totalProfitValue));
                reason.append("% of total)");
            }
            assignments[index] = new TierAssignment(customers.customerId(index), tier, reason.toString());
        }
        // in the report's order, which the tiering service checks fastest
        return Arrays.asList(assignments);
    }

    // Reasons are built for every customer, a million of them on large data: String.format and NumberFormat
    // took longer than the ranking itself.
    private static void appendTenths(StringBuilder text, long tenths) {
        if (tenths < 0) {
            text.append('-');
            tenths = -tenths;
        }
        text.append(tenths / 10).append('.').append(tenths % 10);
    }

    /** Money with thousands separators and two decimals: 12,345.00. */
    static void appendMoney(StringBuilder text, BigDecimal amount) {
        appendMoney(text, amount.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact());
    }

    /** Money in cents with thousands separators and two decimals: 12,345.00. */
    static void appendMoney(StringBuilder text, long cents) {
        if (cents < 0) {
            text.append('-');
            cents = -cents;
        }
        String units = Long.toString(cents / 100);
        for (int index = 0; index < units.length(); index++) {
            if (index > 0 && (units.length() - index) % 3 == 0) {
                text.append(',');
            }
            text.append(units.charAt(index));
        }
        long fraction = cents % 100;
        text.append('.').append(fraction < 10 ? "0" : "").append(fraction);
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
