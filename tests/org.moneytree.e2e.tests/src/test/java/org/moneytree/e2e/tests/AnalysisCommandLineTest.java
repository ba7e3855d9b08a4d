package org.moneytree.e2e.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The analysis on the shipped example archive (a distributor with customers, service activities and
 * purchases in two quarters of 2024), as a consultant runs it: profitability with cost to serve, scores and
 * tiers per quarter, the stored tiers, the migration between the quarters, one customer explained, an
 * override that survives a re-run, and a purchase file read directly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalysisCommandLineTest {

    private static final Path ARCHIVE = Path.of(System.getProperty("moneytree.examples")).resolve("archive");

    private static MoneytreeProduct product;

    @BeforeAll
    static void copyTheBuiltProductAndImportTheExample() throws Exception {
        product = new MoneytreeProduct(Path.of(System.getProperty("moneytree.product")),
                Path.of(System.getProperty("moneytree.scratch") + "-analysis"));
        for (String kind : List.of("customers", "activities", "purchases")) {
            MoneytreeProduct.Run run = product.run("import", ARCHIVE.resolve(kind + ".csv").toString(), "--dataset",
                    "demo", "--kind", kind);
            assertEquals(0, run.exitCode(), kind + ": " + run);
        }
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    @Test
    @Order(1)
    void analyzeEveryQuarterWithCostToServe() throws Exception {
        MoneytreeProduct.Run run = product.run("analyze", "--dataset", "demo", "--period-length", "quarter",
                "--curves", "curves.csv");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Dataset demo, period 2024-Q2 (quarter): 3 purchase lines, 4 customers;"
                + " cost model standard."), run.out());
        assertTrue(run.out().contains("Revenue 2,040.00, cost of goods 1,143.00, gross margin 897.00, cost to serve"
                + " 459.50, net profit 437.50."), run.out());
        assertTrue(run.out().contains("Cost to serve by activity: delivery 75.00, order_line 4.50, return_handling"
                + " 40.00, return_line 10.00, support_hour 180.00, visit 150.00."), run.out());
        assertTrue(run.out().contains("2 customers lose money"), run.out());
        assertTrue(run.out().matches("(?s).*2024-Q1\\s+7\\s+30,972.00\\s+5,889.20\\s+1\\s+1\\s+2\\s+3.*"), run.out());

        List<CSVRecord> rows = readCsv(product.workingDirectory().resolve("demo-pyramid-tiers.csv"));
        assertEquals(11, rows.size(), "7 customers in the first quarter, 4 in the second");
        CSVRecord s101 = rows.stream().filter(r -> r.get("period").equals("2024-Q1") && r.get("customer_id").equals("S101"))
                .findFirst().orElseThrow();
        assertEquals("9170.00", s101.get("revenue"));
        assertEquals("325.00", s101.get("cost_delivery"), "13 deliveries at 25.00");
        assertEquals("2463.50", s101.get("net_profit"));
        assertEquals("gold", s101.get("tier"));
        assertFalse(s101.get("criterion_profit_share").isEmpty());
        List<CSVRecord> curves = readCsv(product.workingDirectory().resolve("curves.csv"));
        assertTrue(curves.stream().anyMatch(r -> r.get("curve").equals("whale_profit") && r.get("period").equals("2024-Q2")));
    }

    @Test
    @Order(2)
    void storedTiersAndTheMigrationBetweenTheQuarters() throws Exception {
        MoneytreeProduct.Run tiers = product.run("tiers", "--dataset", "demo", "--period", "2024-Q1");
        assertEquals(0, tiers.exitCode(), tiers.toString());
        assertTrue(tiers.out().contains("7 customers (platinum 1, gold 1, iron 2, lead 3)"), tiers.out());
        assertTrue(tiers.out().matches("(?s).*2024-Q1 A200\\s+platinum.*"), tiers.out());

        MoneytreeProduct.Run badTier = product.run("tiers", "--dataset", "demo", "--tier", "bronze");
        assertEquals(2, badTier.exitCode(), badTier.toString());
        assertEquals("", badTier.out(), "nothing printed before the refusal");

        MoneytreeProduct.Run history = product.run("tiers", "--dataset", "demo", "--customer", "S101", "--lang", "zh");
        assertEquals(0, history.exitCode(), history.toString());
        assertTrue(history.out().matches("(?s).*2024-Q1 S101\\s+黄金.*2024-Q2 S101\\s+铅质.*"), history.out());

        MoneytreeProduct.Run migration = product.run("migration", "--dataset", "demo", "-o", "moves.csv");
        assertEquals(0, migration.exitCode(), migration.toString());
        assertTrue(migration.out().contains("from 2024-Q1 to 2024-Q2"), migration.out());
        assertTrue(migration.out().contains("1 moved up, 1 moved down, 1 new, 4 lost."), migration.out());
        assertTrue(migration.out().contains("up: S102 (iron → platinum)"), migration.out());
        Map<String, String> moves = readCsv(product.workingDirectory().resolve("moves.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("customer_id"), r -> r.get("move")));
        assertEquals(Map.of("S102", "up", "S101", "down", "A202", "new", "A200", "lost", "A201", "lost", "A203", "lost",
                "A204", "lost"), moves);
    }

    @Test
    @Order(3)
    void explainACustomerLineByLine() throws Exception {
        MoneytreeProduct.Run run = product.run("explain", "S101", "--dataset", "demo", "--period", "2024-Q1");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().matches("(?s).*delivery\\s+13 ×\\s+25.00 =\\s+325.00.*"), run.out());
        assertTrue(run.out().contains("Net profit       2,463.50  (26.9% of revenue)"), run.out());
        assertTrue(run.out().contains("Key-account score 68.2 of 100:"), run.out());
        assertTrue(run.out().matches("(?s).*Profit share\\s+0.67\\s+30\\s+20.0 net profit 2,463.50.*"), run.out());
        assertTrue(run.out().contains("Tier: gold (scheme pyramid): gold: top 20% by key-account score, rank 2 of 7"),
                run.out());

        MoneytreeProduct.Run chinese = product.run("explain", "S101", "--dataset", "demo", "--lang", "zh");
        assertEquals(0, chinese.exitCode(), chinese.toString());
        assertTrue(chinese.out().contains("利润贡献"), chinese.out());
        assertTrue(chinese.out().contains("分级历史："), chinese.out());

        MoneytreeProduct.Run stranger = product.run("explain", "NOPE", "--dataset", "demo");
        assertEquals(2, stranger.exitCode(), stranger.toString());
        assertTrue(stranger.err().contains("Dataset demo has no customer NOPE"), stranger.err());

        MoneytreeProduct.Run unknown = product.run("explain", "S101", "--dataset", "demo", "--period", "2024-13");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("--period: '2024-13' is not a period"), unknown.err());
    }

    @Test
    @Order(4)
    void anOverrideHasAReasonAndAnAuthorAndSurvivesARerun() throws Exception {
        MoneytreeProduct.Run noReason = product.run("override", "A201", "--dataset", "demo", "--period", "2024-Q1",
                "--tier", "gold");
        assertEquals(2, noReason.exitCode(), noReason.toString());

        MoneytreeProduct.Run override = product.run("override", "A201", "--dataset", "demo", "--period", "2024-Q1",
                "--tier", "gold", "--reason", "strategic: new product line", "--author", "Erik Berg");
        assertEquals(0, override.exitCode(), override.toString());
        MoneytreeProduct.Run rerun = product.run("analyze", "--dataset", "demo", "--period-length", "quarter");
        assertEquals(0, rerun.exitCode(), rerun.toString());
        MoneytreeProduct.Run tiers = product.run("tiers", "--dataset", "demo", "--period", "2024-Q1", "-o", "q1.csv");
        assertTrue(tiers.out().contains("1 overridden by hand"), tiers.out());
        assertTrue(tiers.out().contains("set by hand (computed: lead): strategic: new product line — Erik Berg"),
                tiers.out());
        CSVRecord a201 = readCsv(product.workingDirectory().resolve("q1.csv")).stream()
                .filter(r -> r.get("customer_id").equals("A201")).findFirst().orElseThrow();
        assertEquals("gold", a201.get("tier"));
        assertEquals("lead", a201.get("computed_tier"));
        assertEquals("Erik Berg", a201.get("override_author"));

        MoneytreeProduct.Run remove = product.run("override", "A201", "--dataset", "demo", "--period", "2024-Q1",
                "--remove");
        assertEquals(0, remove.exitCode(), remove.toString());
        MoneytreeProduct.Run after = product.run("tiers", "--dataset", "demo", "--period", "2024-Q1", "--tier", "lead");
        assertTrue(after.out().contains("A201"), after.out());
    }

    @Test
    @Order(5)
    void anActivityTypeWithoutARateStopsTheAnalysisWithItsName() throws Exception {
        Path activities = product.workingDirectory().resolve("teleports.csv");
        Files.writeString(activities, "customer_id,activity_date,activity_type,quantity\nS101,2024-02-01,teleport,1\n",
                StandardCharsets.UTF_8);
        product.run("import", ARCHIVE.resolve("customers.csv").toString(), "--dataset", "odd", "--kind", "customers");
        product.run("import", ARCHIVE.resolve("purchases.csv").toString(), "--dataset", "odd", "--kind", "purchases");
        assertEquals(0, product.run("import", activities.toString(), "--dataset", "odd", "--kind", "activities").exitCode());
        MoneytreeProduct.Run run = product.run("analyze", "--dataset", "odd");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("the cost model 'standard' has no rate for activity type 'teleport' (1 record,"
                + " first: customer S101 on 2024-02-01)"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        MoneytreeProduct.Run tiers = product.run("tiers", "--dataset", "odd");
        assertEquals(2, tiers.exitCode(), "nothing was stored: " + tiers);
    }

    @Test
    @Order(6)
    void aPurchaseFileReadDirectlyGivesTheSameFigures() throws Exception {
        MoneytreeProduct.Run direct = product.run("analyze", ARCHIVE.resolve("purchases.csv").toString(), "--direct",
                "--dataset", "demo", "--period-length", "quarter", "-o", "direct.csv");
        assertEquals(0, direct.exitCode(), direct.toString());
        MoneytreeProduct.Run stored = product.run("analyze", "--dataset", "demo", "--period-length", "quarter", "-o",
                "stored.csv");
        assertEquals(0, stored.exitCode(), stored.toString());
        assertEquals(Files.readAllLines(product.workingDirectory().resolve("stored.csv")),
                Files.readAllLines(product.workingDirectory().resolve("direct.csv")));

        Path bad = product.workingDirectory().resolve("bad-purchases.csv");
        Files.writeString(bad, "customer_id,order_date,revenue\nS101,2024-01-02,10.00\nS101,2024-01-03,ten\n",
                StandardCharsets.UTF_8);
        MoneytreeProduct.Run refused = product.run("analyze", bad.toString(), "--direct", "--dataset", "demo");
        assertEquals(2, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("line 3"), refused.err());
        assertTrue(refused.err().contains("revenue"), refused.err());
    }

    @Test
    @Order(7)
    void costModelsAndCriteriaAreListed() throws Exception {
        MoneytreeProduct.Run costs = product.run("costs");
        assertEquals(0, costs.exitCode(), costs.toString());
        assertTrue(costs.out().matches("(?s).*standard .*visit\\s+150.00 / visit.*"), costs.out());
        MoneytreeProduct.Run criteria = product.run("criteria", "--lang", "zh");
        assertEquals(0, criteria.exitCode(), criteria.toString());
        for (String id : List.of("profit_share", "departure_impact", "relationship", "resources", "growth", "company_goals")) {
            assertTrue(criteria.out().contains(id), criteria.out());
        }
        assertTrue(criteria.out().contains("流失影响"), criteria.out());
    }
}
