package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierAssignment;
import org.moneytree.api.tier.TierSummary;

/** Unit tests of the summary arithmetic and tier names (pure logic). */
class TierSummaryTest {

    @Test
    void sharesOfRevenueAndNetProfitPerTier() {
        TierSummary summary = TierSummary.of(
                List.of(Services.profit("a", "60", "20", "0", 3, "2024-01-01", "2024-02-01"),
                        Services.customer("b", "30"), Services.customer("c", "10"), Services.customer("d", "0"),
                        Services.profit("e", "0", "0", "25", 0, null, null), Services.customer("f", "0")),
                List.of(new TierAssignment("a", Tier.PLATINUM, ""), new TierAssignment("b", Tier.GOLD, ""),
                        new TierAssignment("c", Tier.IRON, ""), new TierAssignment("d", Tier.LEAD, ""),
                        new TierAssignment("e", Tier.LEAD, ""), new TierAssignment("f", Tier.LEAD, "")));
        assertEquals(6, summary.customers());
        assertEquals(new BigDecimal("100.00"), summary.totalRevenue());
        // net profit: a 60 - 20 = 40, b 30, c 10, e -25 (cost to serve only): 55
        assertEquals(new BigDecimal("55.00"), summary.totalNetProfit());
        assertEquals(List.of(
                new TierSummary.TierRow(Tier.PLATINUM, 1, new BigDecimal("60.00"), new BigDecimal("0.6000"),
                        new BigDecimal("40.00"), new BigDecimal("0.7273")),
                new TierSummary.TierRow(Tier.GOLD, 1, new BigDecimal("30.00"), new BigDecimal("0.3000"),
                        new BigDecimal("30.00"), new BigDecimal("0.5455")),
                new TierSummary.TierRow(Tier.IRON, 1, new BigDecimal("10.00"), new BigDecimal("0.1000"),
                        new BigDecimal("10.00"), new BigDecimal("0.1818")),
                new TierSummary.TierRow(Tier.LEAD, 3, new BigDecimal("0.00"), new BigDecimal("0.0000"),
                        new BigDecimal("-25.00"), new BigDecimal("-0.4545"))), summary.tiers());
    }

    @Test
    void customerWithoutTierIsAnError() {
        assertThrows(IllegalArgumentException.class,
                () -> TierSummary.of(List.of(Services.customer("a", "1")), List.of()));
    }

    @Test
    void tierNamesInEnglishAndChinese() {
        assertEquals("platinum", Tier.PLATINUM.label(Locale.ENGLISH));
        assertEquals("铂金", Tier.PLATINUM.label(Locale.SIMPLIFIED_CHINESE));
        assertEquals("黄金", Tier.GOLD.label(Locale.CHINESE));
        assertEquals("铁质", Tier.IRON.label(Locale.CHINA));
        assertEquals("铅质", Tier.LEAD.label(Locale.forLanguageTag("zh-Hans")));
        assertEquals(Tier.GOLD, Tier.forId(" Gold "));
        assertEquals(Tier.PLATINUM, Tier.forId("铂金"));
        assertThrows(IllegalArgumentException.class, () -> Tier.forId("bronze"));
    }
}
