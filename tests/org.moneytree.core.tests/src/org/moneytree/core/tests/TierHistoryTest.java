package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.moneytree.api.profit.Concentration;
import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.profit.Period;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.profit.ProfitTotals;
import org.moneytree.api.purchase.PurchaseStore;
import org.moneytree.api.scoring.Scores;
import org.moneytree.api.tier.StoredTier;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierAssignment;
import org.moneytree.api.tier.TierColumns;
import org.moneytree.api.tier.TierHistory;
import org.moneytree.api.tier.TierMigration;
import org.moneytree.api.tier.TierMigration.Move;
import org.moneytree.api.tier.TierOverride;
import org.moneytree.api.tier.TierRun;
import org.moneytree.api.tier.TierSchemeInfo;
import org.moneytree.api.tier.TierSummary;
import org.moneytree.api.tier.TieringResult;

/** The tier history through its service, in the configured database (H2, or PostgreSQL in that run). */
class TierHistoryTest {

    /** Customers of the generated run in {@link #aLargeRunIsSavedReplacedAndReadBackWhole()}. */
    private static final int LARGE_RUN = Integer.getInteger("moneytree.test.tierRunCustomers", 25_000);

    private static final Period Q1 = Period.parse("2024-Q1");
    private static final Period Q2 = Period.parse("2024-Q2");

    private final TierHistory history = Services.get(TierHistory.class);
    private final String dataset = "tiers-" + UUID.randomUUID().toString().substring(0, 8);

    /** One customer of a hand-made tiering: its cost to serve is 10.00, its cost of goods what is left. */
    private record Line(String id, Tier tier, double score, String revenue, String netProfit) {
    }

    private static Line line(String id, Tier tier, double score, String revenue, String netProfit) {
        return new Line(id, tier, score, revenue, netProfit);
    }

    private TieringResult tiering(Period period, String scheme, Line... lines) {
        List<Line> sorted = new ArrayList<>(List.of(lines));
        sorted.sort(Comparator.comparing(Line::id));
        List<CustomerProfit> customers = new ArrayList<>();
        List<TierAssignment> assignments = new ArrayList<>();
        double[] scores = new double[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            Line line = sorted.get(i);
            customers.add(profit(line.id(), period, new BigDecimal(line.revenue()), new BigDecimal(line.netProfit())));
            assignments.add(new TierAssignment(line.id(), line.tier(), reason(line.tier(), line.score())));
            scores[i] = line.score();
        }
        return result(period, scheme, customers, assignments, scores);
    }

    private static CustomerProfit profit(String id, Period period, BigDecimal revenue, BigDecimal netProfit) {
        BigDecimal costToServe = new BigDecimal("10.00");
        return new CustomerProfit(id, period, revenue, revenue.subtract(netProfit).subtract(costToServe), costToServe,
                List.of(), 1, 0, null, null, BigDecimal.ZERO, null, 1, BigDecimal.ZERO);
    }

    private static String reason(Tier tier, double score) {
        return tier.id() + ": score " + score + " (test)";
    }

    private TieringResult result(Period period, String scheme, List<CustomerProfit> customers,
            List<TierAssignment> assignments, double[] scores) {
        BigDecimal revenue = customers.stream().map(CustomerProfit::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal costOfGoods = customers.stream().map(CustomerProfit::costOfGoods).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        BigDecimal costToServe = customers.stream().map(CustomerProfit::costToServe).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        int profitable = (int) customers.stream().filter(customer -> customer.netProfit().signum() > 0).count();
        ProfitTotals totals = new ProfitTotals(customers.size(), customers.size(), revenue, costOfGoods, costToServe,
                Map.of(), profitable);
        Concentration concentration = new Concentration(List.of(), List.of(), 0, 0, 0, 0,
                customers.size() - profitable, 0);
        ProfitReport report = new ProfitReport(dataset, period, "standard", customers, totals, concentration);
        Scores scored = new Scores(report, List.of(), new double[0][], scores, List.of());
        return new TieringResult(new TierSchemeInfo(scheme, scheme, "a test scheme", "org.moneytree.core.tests"), scored,
                assignments, TierSummary.of(customers, assignments));
    }

    private static List<String> ids(List<StoredTier> tiers) {
        return tiers.stream().map(StoredTier::customerId).toList();
    }

    private static List<Period> periods(List<StoredTier> tiers) {
        return tiers.stream().map(StoredTier::period).toList();
    }

    @Test
    void savedTiersComeBackToTheCentInCustomerIdOrder() {
        Instant before = Instant.now();
        TierRun run = history.save(dataset, tiering(Q1, "pyramid",
                line("c2", Tier.GOLD, 71.25, "1234.56", "-45.10"),
                line("B7", Tier.PLATINUM, 99.5, "98765432.10", "12345678.91"),
                line("客户三", Tier.LEAD, 0.0, "0.00", "-10.00"),
                line("a10", Tier.IRON, 33.333333333333336, "0.01", "0.01")));

        assertEquals(Q1, run.period());
        assertEquals("pyramid", run.scheme());
        assertEquals("standard", run.costModel());
        assertEquals(4, run.customers());
        assertFalse(run.ranAt().isBefore(before.minusSeconds(1)), run.ranAt() + " is before " + before);
        assertEquals(List.of(run), history.runs(dataset));

        List<StoredTier> tiers = history.tiers(dataset, Q1);
        // Java's String order: capitals before small letters, and Chinese last, whatever the database's collation.
        assertEquals(List.of("B7", "a10", "c2", "客户三"), ids(tiers));
        StoredTier big = tiers.get(0);
        assertEquals(new StoredTier(Q1, "B7", Tier.PLATINUM, Tier.PLATINUM, 99.5, new BigDecimal("98765432.10"),
                new BigDecimal("12345678.91"), reason(Tier.PLATINUM, 99.5), null), big);
        StoredTier gold = tiers.get(2);
        assertEquals(new BigDecimal("1234.56"), gold.revenue());
        assertEquals(new BigDecimal("-45.10"), gold.netProfit());
        assertEquals(71.25, gold.score());
        assertEquals(Tier.GOLD, gold.tier());
        assertEquals(Tier.GOLD, gold.computedTier());
        assertEquals(33.333333333333336, tiers.get(1).score());
        assertEquals(new BigDecimal("0.01"), tiers.get(1).revenue());
        assertEquals(new BigDecimal("0.00"), tiers.get(3).revenue());
        assertEquals(reason(Tier.LEAD, 0.0), tiers.get(3).reason());
        assertNull(tiers.get(3).override());

        assertEquals(List.of(), history.tiers(dataset, Q2));
        assertEquals(List.of(), history.tiers("no-such-dataset", Q1));
        assertEquals(List.of(), history.runs("no-such-dataset"));
        assertTrue(Services.get(PurchaseStore.class).datasets().contains(dataset),
                "a dataset with tiers only (analysed straight from a file) is listed");
    }

    @Test
    void aRerunReplacesThePeriodsTiers() {
        history.save(dataset, tiering(Q1, "pyramid", line("A", Tier.PLATINUM, 90, "900.00", "90.00"),
                line("B", Tier.GOLD, 60, "600.00", "60.00"), line("C", Tier.LEAD, 10, "100.00", "-10.00")));
        TierRun rerun = history.save(dataset, tiering(Q1, "retail", line("B", Tier.IRON, 40, "610.00", "61.00"),
                line("C", Tier.GOLD, 70, "700.00", "70.00"), line("D", Tier.PLATINUM, 95, "950.00", "95.00")));

        assertEquals(List.of(rerun), history.runs(dataset));
        assertEquals("retail", rerun.scheme());
        assertEquals(3, rerun.customers());
        List<StoredTier> tiers = history.tiers(dataset, Q1);
        assertEquals(List.of("B", "C", "D"), ids(tiers));
        assertEquals(List.of(Tier.IRON, Tier.GOLD, Tier.PLATINUM), tiers.stream().map(StoredTier::tier).toList());
        assertEquals(new BigDecimal("610.00"), tiers.get(0).revenue());
        assertEquals(40.0, tiers.get(0).score());
        assertEquals(List.of(), history.history(dataset, "A"));
    }

    @Test
    void anOverrideSurvivesARerunAndSetsTheTierInForce() {
        history.save(dataset, tiering(Q1, "pyramid", line("A", Tier.PLATINUM, 90, "900.00", "90.00"),
                line("B", Tier.IRON, 30, "300.00", "3.00")));
        TierOverride override = history.override(dataset, Q1, "B", Tier.PLATINUM,
                "strategic partner for the new product line", "王芳");
        assertEquals(new TierOverride(Q1, "B", Tier.PLATINUM, "strategic partner for the new product line", "王芳",
                override.decidedAt()), override);
        assertTrue(Duration.between(override.decidedAt(), Instant.now()).abs().getSeconds() < 60);

        StoredTier b = history.tiers(dataset, Q1).get(1);
        assertEquals(Tier.PLATINUM, b.tier());
        assertEquals(Tier.IRON, b.computedTier());
        assertEquals(override, b.override());
        assertEquals(List.of(override), history.overrides(dataset));

        history.save(dataset, tiering(Q1, "pyramid", line("A", Tier.PLATINUM, 90, "900.00", "90.00"),
                line("B", Tier.LEAD, 5, "50.00", "-20.00")));
        b = history.tiers(dataset, Q1).get(1);
        assertEquals(Tier.PLATINUM, b.tier());
        assertEquals(Tier.LEAD, b.computedTier());
        assertEquals(override, b.override());
        assertNull(history.tiers(dataset, Q1).get(0).override());

        TierOverride changed = history.override(dataset, Q1, "B", Tier.GOLD, "agreed in the account review", "Li Lei");
        assertEquals(List.of(changed), history.overrides(dataset));
        assertEquals(Tier.GOLD, history.tiers(dataset, Q1).get(1).tier());
    }

    @Test
    void anOverrideMayComeBeforeThePeriodsFirstRun() {
        history.save(dataset, tiering(Q1, "pyramid", line("X", Tier.IRON, 30, "300.00", "3.00")));
        TierOverride early = history.override(dataset, Q2, "X", Tier.GOLD, "new key account", "王芳");
        assertEquals(List.of(), history.tiers(dataset, Q2));
        assertEquals(List.of(early), history.overrides(dataset));

        history.save(dataset, tiering(Q2, "pyramid", line("X", Tier.LEAD, 1, "10.00", "-1.00"),
                line("Y", Tier.LEAD, 2, "20.00", "-2.00")));
        List<StoredTier> tiers = history.tiers(dataset, Q2);
        assertEquals(Tier.GOLD, tiers.get(0).tier());
        assertEquals(Tier.LEAD, tiers.get(0).computedTier());
        assertEquals(early, tiers.get(0).override());
        assertEquals(Tier.LEAD, tiers.get(1).tier());
    }

    @Test
    void anOverrideOfAnUnknownDatasetIsRefused() {
        String unknown = "never-" + UUID.randomUUID().toString().substring(0, 8);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> history.override(unknown, Q1, "A", Tier.GOLD, "why", "who"));
        assertTrue(refused.getMessage().contains("'" + unknown + "'"), refused.getMessage());
        assertEquals(List.of(), history.overrides(unknown));
    }

    @Test
    void anOverrideNeedsAReasonAndAnAuthor() {
        history.save(dataset, tiering(Q1, "pyramid", line("A", Tier.IRON, 50, "500.00", "5.00")));
        IllegalArgumentException noReason = assertThrows(IllegalArgumentException.class,
                () -> history.override(dataset, Q1, "A", Tier.GOLD, "  ", "王芳"));
        assertTrue(noReason.getMessage().contains("reason"), noReason.getMessage());
        assertThrows(IllegalArgumentException.class, () -> history.override(dataset, Q1, "A", Tier.GOLD, null, "王芳"));
        IllegalArgumentException noAuthor = assertThrows(IllegalArgumentException.class,
                () -> history.override(dataset, Q1, "A", Tier.GOLD, "strategic", ""));
        assertTrue(noAuthor.getMessage().contains("author"), noAuthor.getMessage());
        assertEquals(List.of(), history.overrides(dataset));
        assertEquals(Tier.IRON, history.tiers(dataset, Q1).get(0).tier());
    }

    @Test
    void removingAnOverrideRestoresTheComputedTier() {
        history.save(dataset, tiering(Q1, "pyramid", line("A", Tier.IRON, 50, "500.00", "5.00")));
        history.override(dataset, Q1, "A", Tier.PLATINUM, "strategic", "王芳");
        assertTrue(history.removeOverride(dataset, Q1, "A"));
        assertFalse(history.removeOverride(dataset, Q1, "A"));
        assertFalse(history.removeOverride("no-such-dataset", Q1, "A"));

        StoredTier a = history.tiers(dataset, Q1).get(0);
        assertEquals(Tier.IRON, a.tier());
        assertNull(a.override());
        assertEquals(List.of(), history.overrides(dataset));
    }

    @Test
    void historyAndRunsFollowThePeriodsInTimeOrder() {
        Period year2023 = Period.parse("2023");
        Period january = Period.parse("2024-01");
        // Saved out of order, and of mixed lengths: January 2024 and the first quarter start on the same day.
        history.save(dataset, tiering(Q2, "pyramid", line("A", Tier.GOLD, 60, "600.00", "60.00")));
        history.save(dataset, tiering(year2023, "pyramid", line("A", Tier.LEAD, 5, "50.00", "-5.00"),
                line("B", Tier.GOLD, 70, "700.00", "70.00")));
        history.save(dataset, tiering(Q1, "pyramid", line("B", Tier.IRON, 30, "300.00", "3.00")));
        history.save(dataset, tiering(january, "pyramid", line("A", Tier.IRON, 40, "400.00", "4.00")));
        history.override(dataset, Q2, "A", Tier.PLATINUM, "strategic", "王芳");
        history.override(dataset, Q1, "A", Tier.PLATINUM, "no run of A in this period", "王芳");

        assertEquals(List.of(year2023, january, Q1, Q2), history.runs(dataset).stream().map(TierRun::period).toList());
        List<StoredTier> a = history.history(dataset, "A");
        assertEquals(List.of(year2023, january, Q2), periods(a));
        assertEquals(List.of(Tier.LEAD, Tier.IRON, Tier.PLATINUM), a.stream().map(StoredTier::tier).toList());
        assertEquals(List.of(Tier.LEAD, Tier.IRON, Tier.GOLD), a.stream().map(StoredTier::computedTier).toList());
        assertEquals(new BigDecimal("-5.00"), a.get(0).netProfit());
        assertEquals(List.of(year2023, Q1), periods(history.history(dataset, "B")));
        assertEquals(List.of(), history.history(dataset, "nobody"));

        List<TierOverride> overrides = history.overrides(dataset);
        assertEquals(List.of(Q1, Q2), overrides.stream().map(TierOverride::period).toList());
    }

    @Test
    void theMigrationCountsWhoMovedUpDownInAndOut() {
        history.save(dataset, tiering(Q1, "pyramid",
                line("A", Tier.PLATINUM, 95, "950.00", "95.00"),
                line("B", Tier.GOLD, 70, "700.00", "70.00"),
                line("C", Tier.IRON, 40, "400.00", "4.00"),
                line("D", Tier.LEAD, 5, "50.00", "-5.00"),
                line("E", Tier.GOLD, 65, "650.00", "65.00"),
                line("G", Tier.IRON, 35, "350.00", "3.50")));
        history.save(dataset, tiering(Q2, "pyramid",
                line("A", Tier.GOLD, 75, "750.00", "75.00"),
                line("B", Tier.PLATINUM, 96, "960.00", "96.00"),
                line("C", Tier.IRON, 41, "410.00", "4.10"),
                line("E", Tier.LEAD, 3, "30.00", "-3.00"),
                line("F", Tier.IRON, 30, "300.00", "3.00"),
                line("G", Tier.IRON, 36, "360.00", "3.60")));
        // C stays iron by the scheme but is put in gold by hand: the migration follows the tiers in force.
        history.override(dataset, Q2, "C", Tier.GOLD, "strategic", "王芳");

        TierMigration migration = history.migration(dataset, Q1, Q2);

        int[][] expected = new int[5][5];
        expected[Tier.PLATINUM.ordinal()][Tier.GOLD.ordinal()] = 1; // A
        expected[Tier.GOLD.ordinal()][Tier.PLATINUM.ordinal()] = 1; // B
        expected[Tier.IRON.ordinal()][Tier.GOLD.ordinal()] = 1; // C, by the override
        expected[Tier.LEAD.ordinal()][TierMigration.ABSENT] = 1; // D, lost
        expected[Tier.GOLD.ordinal()][Tier.LEAD.ordinal()] = 1; // E
        expected[TierMigration.ABSENT][Tier.IRON.ordinal()] = 1; // F, new
        expected[Tier.IRON.ordinal()][Tier.IRON.ordinal()] = 1; // G, stayed
        for (int row = 0; row < 5; row++) {
            assertArrayEquals(expected[row], migration.counts()[row], "row " + row + " of the migration matrix");
        }
        assertEquals(1, migration.count(Tier.IRON, Tier.GOLD));
        assertEquals(List.of(new Move("B", Tier.GOLD, Tier.PLATINUM), new Move("C", Tier.IRON, Tier.GOLD)),
                migration.up());
        assertEquals(List.of(new Move("A", Tier.PLATINUM, Tier.GOLD), new Move("E", Tier.GOLD, Tier.LEAD)),
                migration.down());
        assertEquals(List.of(new Move("F", null, Tier.IRON)), migration.added());
        assertEquals(List.of(new Move("D", Tier.LEAD, null)), migration.lost());
    }

    @Test
    void assignmentsThatDoNotMatchTheReportAreRefused() {
        TieringResult good = tiering(Q1, "pyramid", line("A", Tier.GOLD, 60, "600.00", "60.00"),
                line("B", Tier.IRON, 30, "300.00", "3.00"));
        List<TierAssignment> swapped = List.of(good.assignments().get(1), good.assignments().get(0));
        TieringResult bad = new TieringResult(good.scheme(), good.scores(), swapped, good.summary());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> history.save(dataset, bad));
        assertTrue(refused.getMessage().contains("order"), refused.getMessage());
        assertEquals(List.of(), history.runs(dataset));
    }

    /**
     * A generated run, large enough to take several write batches and removal slices. Prints the times; for a
     * million customers run the tests with
     * {@code -Dtycho.testArgLine=-Dmoneytree.test.tierRunCustomers=1000000}.
     */
    @Test
    void aLargeRunIsSavedReplacedAndReadBackWhole() {
        TieringResult first = generated(LARGE_RUN, 1);
        TieringResult second = generated(LARGE_RUN, 2);
        long started = System.nanoTime();
        history.save(dataset, first);
        long saved = System.nanoTime();
        history.save(dataset, second);
        long replaced = System.nanoTime();
        List<StoredTier> tiers = history.tiers(dataset, Q1);
        long read = System.nanoTime();
        System.out.printf("TierHistoryTest: %,d customers: save %.2f s, save replacing %.2f s, read %.2f s%n",
                LARGE_RUN, (saved - started) / 1e9, (replaced - saved) / 1e9, (read - replaced) / 1e9);

        assertEquals(LARGE_RUN, tiers.size());
        List<CustomerProfit> customers = second.scores().report().customers();
        for (int i = 0; i < LARGE_RUN; i += Math.max(1, LARGE_RUN / 1000)) {
            StoredTier stored = tiers.get(i);
            assertEquals(customers.get(i).customerId(), stored.customerId());
            assertEquals(customers.get(i).revenue(), stored.revenue());
            assertEquals(customers.get(i).netProfit(), stored.netProfit());
            assertEquals(second.scores().score(i), stored.score());
            assertEquals(second.assignments().get(i).tier(), stored.computedTier());
            assertEquals(second.assignments().get(i).reason(), stored.reason());
        }
        String someone = customers.get(LARGE_RUN / 3).customerId();
        history.history(dataset, customers.get(1).customerId());
        long looking = System.nanoTime();
        assertEquals(List.of(Q1), periods(history.history(dataset, someone)));
        System.out.printf("TierHistoryTest: %,d customers: one customer's history %.1f ms%n", LARGE_RUN,
                (System.nanoTime() - looking) / 1e6);
        assertEquals(List.of(), history.history(dataset, someone + "-not"));
        // runs are kept in blocks of 4,096 customers: the first and last of each block, and ids around them
        for (int i : new int[] { 0, 4095, 4096, 4097, 8191, 8192, LARGE_RUN - 1 }) {
            if (i < LARGE_RUN) {
                List<StoredTier> found = history.history(dataset, customers.get(i).customerId());
                assertEquals(1, found.size(), "customer #" + i);
                assertEquals(second.assignments().get(i).reason(), found.get(0).reason(), "customer #" + i);
                assertEquals(customers.get(i).netProfit(), found.get(0).netProfit(), "customer #" + i);
            }
        }
        assertEquals(List.of(), history.history(dataset, "A-before-everyone"));
        assertEquals(List.of(), history.history(dataset, "Z-after-everyone"));
    }

    /**
     * Runs saved before tier runs were kept in blocks (one MT_TIER row per customer, schema version 4) are
     * still read, and a re-run of their period replaces them and removes their rows.
     */
    @Test
    void aRunKeptInRowsByAnEarlierVersionIsReadAndReplaced() throws Exception {
        history.save(dataset, tiering(Q2, "pyramid", line("X1", Tier.GOLD, 50, "10.00", "1.00")));
        long runId;
        try (java.sql.Connection connection = DatabaseInUseTest.expectedDatabase().getConnection()) {
            connection.setAutoCommit(false);
            runId = insertEarlierRun(connection, "rows");
            String[] ids = { "A", "B", "C" };
            try (java.sql.PreparedStatement row = connection.prepareStatement("INSERT INTO MT_TIER (ROW_KEY, RUN_ID,"
                    + " CUSTOMER_ID, COMPUTED_TIER, SCORE, REVENUE, NET_PROFIT, REASON) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < ids.length; i++) {
                    row.setLong(1, runId * (1L << 32) + i);
                    row.setLong(2, runId);
                    row.setString(3, ids[i]);
                    row.setString(4, i == 0 ? "platinum" : "iron");
                    row.setDouble(5, 90 - i);
                    row.setBigDecimal(6, new BigDecimal("100.5" + i));
                    row.setBigDecimal(7, new BigDecimal("-1.2" + i));
                    row.setString(8, "old reason " + i);
                    row.addBatch();
                }
                row.executeBatch();
            }
            connection.commit();
        }

        List<StoredTier> old = history.tiers(dataset, Q1);
        assertEquals(List.of("A", "B", "C"), ids(old));
        assertEquals(Tier.PLATINUM, old.get(0).tier());
        assertEquals(new BigDecimal("100.51"), old.get(1).revenue());
        assertEquals(new BigDecimal("-1.22"), old.get(2).netProfit());
        assertEquals("old reason 1", old.get(1).reason());
        assertEquals(List.of(Q2), periods(history.history(dataset, "X1")));
        assertEquals("old reason 2", history.history(dataset, "C").get(0).reason());
        assertEquals(List.of(Q1, Q2), history.runs(dataset).stream().map(TierRun::period).toList());

        history.save(dataset, tiering(Q1, "pyramid", line("B", Tier.GOLD, 70, "7.00", "0.70")));
        assertEquals(List.of("B"), ids(history.tiers(dataset, Q1)));
        assertEquals(List.of(), history.history(dataset, "A"));
        try (java.sql.Connection connection = DatabaseInUseTest.expectedDatabase().getConnection();
                java.sql.PreparedStatement rows = connection.prepareStatement(
                        "SELECT COUNT(*) FROM MT_TIER WHERE RUN_ID = ?")) {
            rows.setLong(1, runId);
            try (java.sql.ResultSet count = rows.executeQuery()) {
                count.next();
                assertEquals(0, count.getInt(1), "the replaced run's rows are removed");
            }
        }
    }

    /**
     * Ids and reasons are stored against the string before them (the id before; the last reason of the same
     * tier) as the bytes both share at the start and at the end and those between: strings that are equal,
     * empty, the start or the end of the one before, overlapping both ways, or that share half a character's
     * UTF-8 bytes (铂金 and 铂铁 share the first byte of 金 and 铁) all come back whole, from the run and from a
     * customer's history (which decodes its block up to the customer).
     */
    @Test
    void idsAndReasonsStoredAgainstTheOnesBeforeComeBackWhole() {
        String[][] lines = {
            { "A", "gold", "gold: rank 1 of 9" },
            { "A1", "gold", "gold: rank 1 of 9" },
            { "A10", "gold", "" },
            { "A100", "iron", "iron" },
            { "A11", "gold", "gold: rank 12 of 9" },
            { "A2", "iron", "iron: x" },
            { "A20", "iron", "ir" },
            { "B", "iron", "irir" },
            { "B\u00e9", "platinum", "铂金: 排名 1" },
            { "B\u00e9\u00e9", "platinum", "铂铁: 排名 1" },
            { "B\u00ea", "platinum", "铂金: 排名 11" },
            { "C", "lead", "a" },
            { "Ca", "lead", "aXa" },
            { "Cab", "lead", "aa" },
            { "Cb", "lead", "aaaa" },
            { "D", "lead", "aa" },
        };
        List<CustomerProfit> customers = new ArrayList<>();
        List<TierAssignment> assignments = new ArrayList<>();
        double[] scores = new double[lines.length];
        for (int i = 0; i < lines.length; i++) {
            customers.add(profit(lines[i][0], Q1, new BigDecimal(100 + i), new BigDecimal(i - 5)));
            assignments.add(new TierAssignment(lines[i][0], Tier.forId(lines[i][1]), lines[i][2]));
            scores[i] = i;
        }
        history.save(dataset, result(Q1, "pyramid", customers, assignments, scores));

        List<StoredTier> stored = history.tiers(dataset, Q1);
        assertEquals(Arrays.stream(lines).map(line -> line[0]).toList(), ids(stored));
        for (int i = 0; i < lines.length; i++) {
            assertEquals(lines[i][2], stored.get(i).reason(), "reason of " + lines[i][0]);
            assertEquals(Tier.forId(lines[i][1]), stored.get(i).computedTier(), "tier of " + lines[i][0]);
            List<StoredTier> one = history.history(dataset, lines[i][0]);
            assertEquals(1, one.size(), "history of " + lines[i][0]);
            assertEquals(lines[i][2], one.get(0).reason(), "reason in the history of " + lines[i][0]);
            assertEquals(new BigDecimal(i - 5).setScale(2), one.get(0).netProfit(), "net profit of " + lines[i][0]);
        }
        assertEquals(List.of(), history.history(dataset, "A0"));
    }

    /**
     * A scheme that gives its reasons as bytes too ({@link TierColumns.ReasonWriter}, as the pyramid does): the
     * history stores those bytes, and reads back the scheme's text, over more than one block, with reasons
     * that outgrow the writing buffer (4,096 of 300 bytes and more) and one longer than the 2,000 characters
     * kept (cut as the text is).
     */
    @Test
    void reasonsGivenAsBytesAreStoredAsTheSchemesText() {
        int size = 5000;
        List<CustomerProfit> customers = new ArrayList<>();
        Tier[] tiers = new Tier[size];
        double[] scores = new double[size];
        for (int i = 0; i < size; i++) {
            customers.add(profit(String.format("W%05d", i), Q1, new BigDecimal(1000 + i), new BigDecimal(i % 50 - 10)));
            tiers[i] = Tier.values()[i % 4];
            scores[i] = i % 100;
        }
        java.util.function.IntFunction<String> text = i -> i == 7 ? "x".repeat(2500)
                : i % 2 == 0 ? tiers[i].id() + ": 第 " + i + " 名, " + "y".repeat(300) : tiers[i].id() + ": rank " + i;
        org.moneytree.api.profit.CustomerFigures figures = org.moneytree.api.profit.CustomerFigures.of(Q1, customers);
        TierColumns columns = new TierColumns(figures, tiers, text, (i, buffer, offset) -> {
            byte[] bytes = text.apply(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (bytes.length > buffer.length - offset) {
                return -1;
            }
            System.arraycopy(bytes, 0, buffer, offset, bytes.length);
            return bytes.length;
        });
        history.save(dataset, result(Q1, "pyramid", figures.customers(), columns, scores));

        List<StoredTier> stored = history.tiers(dataset, Q1);
        assertEquals(size, stored.size());
        for (int i = 0; i < size; i++) {
            String expected = i == 7 ? "x".repeat(1999) + "…" : text.apply(i);
            assertEquals(expected, stored.get(i).reason(), "reason #" + i);
            assertEquals(tiers[i], stored.get(i).computedTier(), "tier #" + i);
        }
        assertEquals(text.apply(4097), history.history(dataset, "W04097").get(0).reason());
    }

    /**
     * A run in blocks of format 1 (ids and reasons whole, as written until November 2026) is still read, whole
     * and one customer at a time.
     */
    @Test
    void aRunInBlocksOfTheFirstFormatIsRead() throws Exception {
        history.save(dataset, tiering(Q2, "pyramid", line("X1", Tier.GOLD, 50, "10.00", "1.00")));
        String[] ids = { "A", "B", "C" };
        String[] reasons = { "platinum: old", "iron: old 1", "iron: 旧 2" };
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream block = new java.io.DataOutputStream(bytes);
        block.writeByte(1);
        block.writeInt(ids.length);
        block.writeByte(Tier.values().length);
        for (Tier tier : Tier.values()) {
            writeWhole(block, tier.id());
        }
        for (String id : ids) {
            writeWhole(block, id);
        }
        for (int i = 0; i < ids.length; i++) {
            block.writeByte(i == 0 ? Tier.PLATINUM.ordinal() : Tier.IRON.ordinal());
        }
        for (int i = 0; i < ids.length; i++) {
            block.writeLong(Double.doubleToRawLongBits(90 - i));
        }
        for (int i = 0; i < ids.length; i++) {
            block.writeLong(10_050 + i);
        }
        for (int i = 0; i < ids.length; i++) {
            block.writeLong(-120 - i);
        }
        for (String reason : reasons) {
            writeWhole(block, reason);
        }
        block.flush();
        try (java.sql.Connection connection = DatabaseInUseTest.expectedDatabase().getConnection()) {
            connection.setAutoCommit(false);
            long runId = insertEarlierRun(connection, "blocks");
            try (java.sql.PreparedStatement start = connection.prepareStatement("INSERT INTO MT_TIER_BLOCK (RUN_ID,"
                    + " BLOCK_NO, FIRST_CUSTOMER, CUSTOMERS) VALUES (?, 0, 'A', 3)");
                    java.sql.PreparedStatement data = connection.prepareStatement(
                            "INSERT INTO MT_TIER_BLOCK_DATA (RUN_ID, BLOCK_NO, DATA) VALUES (?, 0, ?)")) {
                start.setLong(1, runId);
                start.executeUpdate();
                data.setLong(1, runId);
                data.setBytes(2, bytes.toByteArray());
                data.executeUpdate();
            }
            connection.commit();
        }

        List<StoredTier> old = history.tiers(dataset, Q1);
        assertEquals(List.of("A", "B", "C"), ids(old));
        assertEquals(Tier.PLATINUM, old.get(0).tier());
        assertEquals(Tier.IRON, old.get(2).tier());
        assertEquals(new BigDecimal("100.51"), old.get(1).revenue());
        assertEquals(new BigDecimal("-1.22"), old.get(2).netProfit());
        assertEquals(89.0, old.get(1).score());
        assertEquals(List.of(reasons[0], reasons[1], reasons[2]), old.stream().map(StoredTier::reason).toList());
        assertEquals("iron: 旧 2", history.history(dataset, "C").get(0).reason());
        assertEquals(new BigDecimal("-1.21"), history.history(dataset, "B").get(0).netProfit());
        assertEquals(List.of(), history.history(dataset, "BB"));
    }

    /**
     * A current run of Q1 with three customers, as an earlier version wrote it, in the given layout ({@code rows}:
     * one MT_TIER row per customer; {@code blocks}); its rows or blocks are the caller's to add.
     */
    private long insertEarlierRun(java.sql.Connection connection, String layout) throws java.sql.SQLException {
        long runId;
        try (java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet next = statement.executeQuery("SELECT MAX(ID) + 1000 FROM MT_TIER_RUN")) {
            next.next();
            runId = next.getLong(1);
        }
        try (java.sql.PreparedStatement run = connection.prepareStatement("INSERT INTO MT_TIER_RUN (ID, DATASET,"
                + " PERIOD_ID, SCHEME, COST_MODEL, RAN_AT, CUSTOMERS, STATE, LAYOUT) VALUES (?, ?, ?, 'pyramid',"
                + " 'standard', ?, 3, 'current', ?)")) {
            run.setLong(1, runId);
            run.setString(2, dataset);
            run.setString(3, Q1.id());
            run.setObject(4, java.time.LocalDateTime.of(2025, 1, 2, 3, 4, 5));
            run.setString(5, layout);
            run.executeUpdate();
        }
        return runId;
    }

    /** A format 1 string: its UTF-8 length as a variable length integer (one byte here), then the bytes. */
    private static void writeWhole(java.io.DataOutputStream out, String value) throws java.io.IOException {
        byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(bytes.length < 128);
        out.writeByte(bytes.length);
        out.write(bytes);
    }

    private TieringResult generated(int size, long seed) {
        Random random = new Random(seed);
        String[] ids = new String[size];
        for (int i = 0; i < size; i++) {
            ids[i] = "C" + i;
        }
        Arrays.sort(ids);
        List<CustomerProfit> customers = new ArrayList<>(size);
        List<TierAssignment> assignments = new ArrayList<>(size);
        double[] scores = new double[size];
        Tier[] tiers = Tier.values();
        for (int i = 0; i < size; i++) {
            customers.add(profit(ids[i], Q1, BigDecimal.valueOf(random.nextInt(100_000_000), 2),
                    BigDecimal.valueOf(random.nextInt(10_000_000) - 3_000_000, 2)));
            scores[i] = random.nextDouble() * 100;
            Tier tier = tiers[random.nextInt(tiers.length)];
            assignments.add(new TierAssignment(ids[i], tier, tier.id() + ": score " + scores[i] + ", rank " + (i + 1)
                    + " of " + size));
        }
        return result(Q1, "pyramid", customers, assignments, scores);
    }
}
