package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierAssignment;
import org.moneytree.api.tier.TierColumns;
import org.moneytree.api.tier.TierSchemeException;
import org.moneytree.api.tier.TierSummary;
import org.moneytree.api.tier.TieringResult;
import org.moneytree.api.tier.TieringService;
import org.osgi.framework.ServiceListener;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** The default customer pyramid, checked against hand-computed cases. */
class CustomerPyramidTest {

    private final TieringService tiering = Services.get(TieringService.class);

    /** Twenty customers with revenues 20, 19, ..., 1: ids c20 (best) to c01. */
    private static List<CustomerProfit> twenty() {
        List<CustomerProfit> customers = new ArrayList<>();
        for (int revenue = 1; revenue <= 20; revenue++) {
            customers.add(Services.customer(String.format("c%02d", revenue), Integer.toString(revenue)));
        }
        return customers;
    }

    private Map<String, Tier> tiers(List<CustomerProfit> customers) throws TierSchemeException {
        return tiering.assign("pyramid", Services.scoresByRevenue(customers), Locale.ENGLISH).assignments().stream()
                .collect(Collectors.toMap(TierAssignment::customerId, TierAssignment::tier));
    }

    @Test
    void defaultCutOffsSplitTwentyCustomersOneThreeTenSix() throws TierSchemeException {
        TieringResult result = tiering.assign("pyramid", Services.scoresByRevenue(twenty()), Locale.ENGLISH);
        Map<Tier, Long> counts = result.assignments().stream()
                .collect(Collectors.groupingBy(TierAssignment::tier, Collectors.counting()));
        assertEquals(Map.of(Tier.PLATINUM, 1L, Tier.GOLD, 3L, Tier.IRON, 10L, Tier.LEAD, 6L), counts);
        Map<String, Tier> tiers = result.assignments().stream()
                .collect(Collectors.toMap(TierAssignment::customerId, TierAssignment::tier));
        assertEquals(Tier.PLATINUM, tiers.get("c20"));
        assertEquals(Tier.GOLD, tiers.get("c17"));
        assertEquals(Tier.IRON, tiers.get("c16"));
        assertEquals(Tier.IRON, tiers.get("c07"));
        assertEquals(Tier.LEAD, tiers.get("c06"));
        TierAssignment best = result.assignments().stream().filter(a -> a.customerId().equals("c20")).findFirst()
                .orElseThrow();
        assertEquals("platinum: top 5% by key-account score, rank 1 of 20, score 20.0, net profit 20.00 (9.5% of total)",
                best.reason());

        TierSummary summary = result.summary();
        assertEquals(20, summary.customers());
        assertEquals(new BigDecimal("210.00"), summary.totalRevenue());
        assertEquals(new BigDecimal("0.0952"), summary.tiers().get(0).revenueShare(), "platinum: 20 of 210");
        // gold: 19 + 18 + 17 = 54 of 210 net profit
        assertEquals(new BigDecimal("0.2571"), summary.tiers().get(1).netProfitShare());
    }

    @Test
    void thePyramidAnswersInColumnsWhoseReasonsAreWrittenWhenRead() throws TierSchemeException {
        TieringResult result = tiering.assign("pyramid", Services.scoresByRevenue(twenty()), Locale.ENGLISH);
        TierColumns columns = assertInstanceOf(TierColumns.class, result.assignments(), "kept as the scheme gave it");
        assertEquals(20, columns.size());
        for (int index = 0; index < columns.size(); index++) {
            TierAssignment assignment = columns.get(index);
            assertEquals(columns.customers().customerId(index), assignment.customerId());
            assertEquals(columns.tier(index), assignment.tier());
            assertEquals(columns.reason(index), assignment.reason());
        }
        assertEquals("lead: bottom 30% by key-account score, rank 20 of 20, score 1.0, net profit 1.00 (0.5% of total)",
                columns.reason(0), "c01, the smallest");
        // read from several threads at once, each reason is the same text
        List<String> inTurn = IntStream.range(0, 2_000).mapToObj(i -> columns.reason(i % 20)).toList();
        List<String> atOnce = IntStream.range(0, 2_000).parallel().mapToObj(i -> columns.reason(i % 20)).toList();
        assertEquals(inTurn, atOnce);
        assertThrows(IndexOutOfBoundsException.class, () -> columns.reason(20));
        assertThrows(IllegalArgumentException.class, () -> new TierColumns(columns.customers(), new Tier[19], i -> ""),
                "19 tiers for 20 customers");
        Tier[] withGap = new Tier[20];
        Arrays.fill(withGap, Tier.GOLD);
        withGap[3] = null;
        assertThrows(IllegalArgumentException.class, () -> new TierColumns(columns.customers(), withGap, i -> ""));
    }

    @Test
    void customersTiedAtABoundaryShareTheHigherTier() throws TierSchemeException {
        List<CustomerProfit> customers = twenty();
        customers.set(18, Services.customer("c19", "20"));
        Map<String, Tier> tiers = tiers(customers);
        assertEquals(Tier.PLATINUM, tiers.get("c19"), "tied with the best customer");
        assertEquals(Tier.PLATINUM, tiers.get("c20"));
    }

    @Test
    void customersWhoLoseMoneyAreLeadWhateverTheirRank() throws TierSchemeException {
        // the best scored customer is made unprofitable by its cost to serve
        List<CustomerProfit> customers = twenty();
        customers.set(19, Services.profit("c20", "20", "5", "16", 4, "2024-01-01", "2024-12-01"));
        Map<String, Tier> tiers = tiers(customers);
        assertEquals(Tier.LEAD, tiers.get("c20"), "net profit 20 - 5 - 16 = -1");
        assertEquals(Tier.GOLD, tiers.get("c19"), "the loss-maker keeps its rank, so the one platinum place"
                + " (5% of 20) stays taken and rank 2 is gold");
    }

    @Test
    void oneCustomerWithOnePurchaseIsPlatinum() throws TierSchemeException {
        assertEquals(Map.of("solo", Tier.PLATINUM), tiers(List.of(Services.customer("solo", "12.34"))));
    }

    @Test
    void noCustomersGiveAnEmptySummary() throws TierSchemeException {
        TieringResult result = tiering.assign("pyramid", Services.scoresByRevenue(List.of()), Locale.ENGLISH);
        assertEquals(0, result.summary().customers());
        assertEquals(4, result.summary().tiers().size());
        assertEquals(BigDecimal.ZERO.setScale(4), result.summary().tiers().get(0).revenueShare());
    }

    @Test
    void cutOffsComeFromConfigurationAdmin() throws Exception {
        ConfigurationAdmin configurationAdmin = Services.get(ConfigurationAdmin.class);
        Configuration configuration = configurationAdmin.getConfiguration("org.moneytree.pyramid", "?");
        try {
            awaitPyramid(() -> {
                Dictionary<String, Object> properties = new Hashtable<>();
                properties.put("platinumPercent", 10.0);
                properties.put("goldPercent", 50.0);
                properties.put("ironPercent", 90.0);
                configuration.update(properties);
            }, "top 10%");
            Map<Tier, Long> counts = tiering.assign("pyramid", Services.scoresByRevenue(twenty()), Locale.ENGLISH).assignments().stream()
                    .collect(Collectors.groupingBy(TierAssignment::tier, Collectors.counting()));
            assertEquals(Map.of(Tier.PLATINUM, 2L, Tier.GOLD, 8L, Tier.IRON, 8L, Tier.LEAD, 2L), counts);
        } finally {
            awaitPyramid(configuration::delete, "top 5%");
        }
        assertEquals(Tier.GOLD, tiers(twenty()).get("c19"), "defaults are back once the configuration is gone");
    }

    /**
     * Runs a configuration change and waits, event by event, until the pyramid describes itself as expected:
     * Declarative Services applies configuration asynchronously.
     */
    private void awaitPyramid(ThrowingAction change, String expectedInDescription) throws Exception {
        Semaphore events = new Semaphore(0);
        ServiceListener listener = event -> events.release();
        Services.context().addServiceListener(listener, "(moneytree.tier.scheme.id=pyramid)");
        try {
            change.run();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!pyramidDescription().contains(expectedInDescription)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !events.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    throw new AssertionError("the pyramid did not pick up its configuration: " + pyramidDescription());
                }
            }
        } finally {
            Services.context().removeServiceListener(listener);
        }
    }

    private String pyramidDescription() {
        return tiering.schemes(Locale.ENGLISH).stream().filter(s -> s.id().equals("pyramid"))
                .map(s -> s.description()).findFirst().orElse("(no pyramid registered)");
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws Exception;
    }

}
