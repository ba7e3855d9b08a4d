package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierAssignment;
import org.moneytree.api.tier.TieringResult;
import org.moneytree.api.tier.TieringService;

/** The example sector plugin's rule: revenue alone does not make a platinum retail customer. */
class RetailSchemeTest {

    @Test
    void recencyAndFrequencyDecideTogetherWithRevenue() throws Exception {
        List<CustomerProfit> customers = new ArrayList<>();
        // ten steady customers with revenue 100 to 109; of sixteen customers, the top 10% are two (ceil 1.6:
        // down to revenue 4500), the top 30% five (ceil 4.8: down to revenue 109), and the median is 105
        for (int i = 0; i < 10; i++) {
            customers.add(Services.customer("steady" + i, Integer.toString(100 + i), 3, "2023-01-01", "2024-12-01"));
        }
        customers.add(Services.customer("loyal", "5000", 12, "2022-01-01", "2024-12-20"));
        customers.add(Services.customer("oneOffBig", "4000", 1, "2024-06-30", "2024-06-30"));
        customers.add(Services.customer("lapsed", "3000", 6, "2021-01-01", "2023-01-01"));
        customers.add(Services.customer("tiny", "5", 1, "2024-03-01", "2024-03-01"));
        customers.add(Services.customer("faded", "50", 2, "2022-01-01", "2022-06-01"));
        // a big buyer whose deliveries and visits cost more than its margin
        customers.add(Services.profit("costly", "4500", "3600", "1200", 20, "2024-01-01", "2024-12-01"));

        TieringResult result = Services.get(TieringService.class).assign("retail", Services.scoresByRevenue(customers), Locale.ENGLISH);
        Map<String, Tier> tiers = result.assignments().stream()
                .collect(Collectors.toMap(TierAssignment::customerId, TierAssignment::tier));
        assertEquals(Tier.PLATINUM, tiers.get("loyal"));
        assertEquals(Tier.IRON, tiers.get("oneOffBig"), "a single big order is not gold in retail");
        assertEquals(Tier.GOLD, tiers.get("lapsed"), "big and frequent but inactive: gold, not platinum");
        assertEquals(Tier.LEAD, tiers.get("tiny"));
        assertEquals(Tier.LEAD, tiers.get("faded"));
        assertEquals(Tier.LEAD, tiers.get("costly"), "cost to serve 1,200 exceeds gross margin 900");
        assertEquals(Tier.IRON, tiers.get("steady0"));
        assertEquals(Tier.GOLD, tiers.get("steady9"));
        assertEquals("org.moneytree.sector.retail", result.scheme().bundle());
        String reason = result.assignments().stream().filter(a -> a.customerId().equals("lapsed")).findFirst()
                .orElseThrow().reason();
        assertTrue(reason.startsWith("gold: top 30% revenue, repeat buyer"), reason);
        assertTrue(reason.contains("730 days before the period's end"), reason);
    }
}
