package org.moneytree.pyramid.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.moneytree.api.profit.CustomerFigures;
import org.moneytree.api.scoring.Ranking;
import org.moneytree.api.scoring.Scores;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierAssignment;
import org.moneytree.api.tier.TierColumns;
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
        String platinumRule = "top " + percent(platinumPercent) + "% by " + ranking.english;
        String goldRule = "top " + percent(goldPercent) + "% by " + ranking.english;
        String ironRule = "top " + percent(ironPercent) + "% by " + ranking.english;
        String leadRule = "bottom " + percent(100 - ironPercent) + "% by " + ranking.english;
        // the beginnings of the reasons, by Tier ordinal, and the loss-makers' one last
        byte[][] starts = new byte[Tier.values().length + 1][];
        starts[Tier.PLATINUM.ordinal()] = ascii(Tier.PLATINUM.id() + ": " + platinumRule + ", rank ");
        starts[Tier.GOLD.ordinal()] = ascii(Tier.GOLD.id() + ": " + goldRule + ", rank ");
        starts[Tier.IRON.ordinal()] = ascii(Tier.IRON.id() + ": " + ironRule + ", rank ");
        starts[Tier.LEAD.ordinal()] = ascii(Tier.LEAD.id() + ": " + leadRule + ", rank ");
        starts[LOSS_MAKER] = ascii(Tier.LEAD.id() + ": loses money, rank ");
        // ranks in ranked order, then every customer in the report's order: one scattered write per customer
        // instead of scattered reads of its figures, score and id
        int[] rankOf = new int[total];
        int rank = 0;
        for (int position = 0; position < total; position++) {
            int index = ranked[position];
            if (position == 0 || keys[index] != keys[ranked[position - 1]]) {
                rank = position;
            }
            rankOf[index] = rank;
        }
        Tier[] tiers = new Tier[total];
        byte[] start = new byte[total];
        for (int index = 0; index < total; index++) {
            int rankHere = rankOf[index];
            Tier tier;
            if (lossMakersLead && customers.netProfitCents(index) < 0) {
                tier = Tier.LEAD;
                start[index] = LOSS_MAKER;
            } else {
                tier = rankHere < platinumCount ? Tier.PLATINUM : rankHere < goldCount ? Tier.GOLD
                        : rankHere < ironCount ? Tier.IRON : Tier.LEAD;
                start[index] = (byte) tier.ordinal();
            }
            tiers[index] = tier;
        }
        // the reasons are written when read (the CSV, the tier history): a million of them held as strings until
        // then were 300 MB that every collection copied
        Reasons reasons = new Reasons(scores, rankOf, start, starts, totalProfit);
        return new TierColumns(customers, tiers, reasons::text, reasons::write);
    }

    /** Marks a loss-maker's reason in {@link Reasons#start}: after the tiers' ordinals. */
    private static final byte LOSS_MAKER = (byte) Tier.values().length;

    /** Writes a customer's reason from its rank, score and net profit. */
    private static final class Reasons {

        private final Scores scores;
        private final CustomerFigures customers;
        private final int[] rankOf;
        private final byte[] start;
        private final byte[][] starts;
        private final byte[] ofTotal;
        private final boolean withShare;
        private final double totalProfit;
        /** One buffer per thread: reasons may be read by several threads at once. */
        private final ThreadLocal<Reason> buffers = ThreadLocal.withInitial(Reason::new);

        Reasons(Scores scores, int[] rankOf, byte[] start, byte[][] starts, BigDecimal totalProfit) {
            this.scores = scores;
            this.customers = scores.report().figures();
            this.rankOf = rankOf;
            this.start = start;
            this.starts = starts;
            this.ofTotal = ascii(" of " + rankOf.length + ", score ");
            this.withShare = totalProfit.signum() > 0;
            this.totalProfit = totalProfit.doubleValue();
        }

        String text(int index) {
            return written(index).text();
        }

        /** The reason's bytes (ASCII, so UTF-8 too) copied into {@code into}, or -1 when they do not fit. */
        int write(int index, byte[] into, int offset) {
            Reason reason = written(index);
            if (reason.length > into.length - offset) {
                return -1;
            }
            System.arraycopy(reason.buffer, 0, into, offset, reason.length);
            return reason.length;
        }

        private Reason written(int index) {
            long netProfit = customers.netProfitCents(index);
            Reason reason = buffers.get();
            reason.reset();
            reason.bytes(starts[start[index]]);
            reason.number(rankOf[index] + 1);
            reason.bytes(ofTotal);
            reason.tenths(Math.round(scores.score(index) * 10));
            reason.bytes(NET_PROFIT);
            reason.money(netProfit);
            if (withShare) {
                reason.bytes(OPEN);
                reason.tenths(Math.round(netProfit / 100.0 * 1000 / totalProfit));
                reason.bytes(SHARE_END);
            }
            return reason;
        }
    }

    private static final byte[] NET_PROFIT = ascii(", net profit ");
    private static final byte[] SHARE_END = ascii("% of total)");
    private static final byte[] OPEN = ascii(" (");

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A reason's ASCII text, written into one reused buffer and copied once into its String. */
    private static final class Reason {

        private final byte[] buffer = new byte[512];
        private int length;

        void reset() {
            length = 0;
        }

        void bytes(byte[] part) {
            System.arraycopy(part, 0, buffer, length, part.length);
            length += part.length;
        }

        void number(long value) {
            if (value < 0) {
                buffer[length++] = '-';
                value = -value;
            }
            length += digitCount(value);
            writeDigits(value, length, 1);
        }

        /**
         * Writes a non-negative value's digits, at least {@code atLeast} (leading zeros), ending before
         * {@code end}. Below 2^32 it divides by ten with a multiplication: the product's {@code analyze --direct}
         * runs with the C1 compiler only, which divides by a constant with a division instruction (tens of cycles
         * a digit, for a million reasons).
         */
        private void writeDigits(long value, int end, int atLeast) {
            int at = end;
            while (value >= 0x1_0000_0000L) {
                buffer[--at] = (byte) ('0' + value % 10);
                value /= 10;
            }
            do {
                long quotient = (value * 0xCCCCCCCDL) >>> 35; // value / 10 for any value below 2^32
                buffer[--at] = (byte) ('0' + (value - quotient * 10));
                value = quotient;
            } while (value != 0);
            while (end - at < atLeast) {
                buffer[--at] = '0';
            }
        }

        private static int digitCount(long value) {
            int digits = 1;
            for (long limit = 10; digits < 19 && value >= limit; limit *= 10) {
                digits++;
            }
            return digits;
        }

        /** As appendTenths: 12.3 from 123. */
        void tenths(long tenths) {
            if (tenths < 0) {
                buffer[length++] = '-';
                tenths = -tenths;
            }
            int end = length + Math.max(2, digitCount(tenths));
            writeDigits(tenths, end, 2);
            buffer[end] = buffer[end - 1];
            buffer[end - 1] = '.';
            length = end + 1;
        }

        /** As appendMoney: 12,345.00 from 1234500 cents. */
        void money(long cents) {
            if (cents < 0) {
                buffer[length++] = '-';
                cents = -cents;
            }
            // the digits (at least "001"), then moved right to make room for the commas and the point
            int digits = Math.max(3, digitCount(cents));
            int start = length;
            writeDigits(cents, start + digits, 3);
            int whole = digits - 2;
            int end = start + whole + (whole - 1) / 3 + 3;
            buffer[end - 1] = buffer[start + digits - 1];
            buffer[end - 2] = buffer[start + digits - 2];
            buffer[end - 3] = '.';
            int to = end - 4;
            for (int from = start + whole - 1, count = 0; from >= start; from--, count++) {
                if (count > 0 && count % 3 == 0) {
                    buffer[to--] = ',';
                }
                buffer[to--] = buffer[from];
            }
            length = end;
        }

        String text() {
            return new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
        }
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
