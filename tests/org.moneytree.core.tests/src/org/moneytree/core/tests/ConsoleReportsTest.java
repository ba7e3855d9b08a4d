package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.moneytree.api.profit.PeriodLength;
import org.moneytree.api.report.ViewExporter;
import org.moneytree.core.tests.ConsoleClient.Answer;
import org.moneytree.core.tests.ConsoleClient.Session;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The console's API on analysed data, with the platform's own report data and standard views: the example archive
 * analysed by quarter, and 300 customers' purchases analysed straight from their file (tiers stored, no purchases,
 * no archive), as {@code moneytree analyze FILE --direct} leaves a dataset.
 */
class ConsoleReportsTest {

    private static final String ARCHIVE = "console-archive-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String DIRECT = "console-direct-" + UUID.randomUUID().toString().substring(0, 8);

    private static ConsoleClient client;
    private static Session session;

    @BeforeAll
    static void analyseAndLogIn() throws Exception {
        Analyses.views(Set.of("pareto", "whale", "pyramid", "migration", "eroders", "account"));
        Analyses.importExampleArchive(ARCHIVE);
        Analyses.analyzeAndStore(ARCHIVE, null, PeriodLength.QUARTER);
        Analyses.analyzeAndStore(DIRECT, purchaseFile(), PeriodLength.YEAR);
        client = new ConsoleClient(ConsoleServer.start().base());
        session = client.session(ConsoleServer.ANALYST, ConsoleServer.ANALYST_PASSWORD);
    }

    @Test
    void theAnalysedDatasetAndItsPeriodsAreListed() throws Exception {
        List<String> datasets = strings(ok("/api/datasets").getAsJsonArray());
        assertTrue(datasets.contains(ARCHIVE) && datasets.contains(DIRECT), datasets.toString());
        assertEquals(List.of("2024-Q1", "2024-Q2"), strings(ok("/api/datasets/" + ARCHIVE + "/periods").getAsJsonArray()));
    }

    @Test
    void everyStandardViewAnswersWithChartsOnTheLatestPeriod() throws Exception {
        for (String view : List.of("pareto", "whale", "pyramid", "eroders")) {
            JsonObject model = ok("/api/views/" + view + "?dataset=" + ARCHIVE).getAsJsonObject();
            assertEquals(view, model.get("viewId").getAsString());
            assertTrue(model.get("title").getAsString().endsWith(ARCHIVE + ", 2024-Q2"), model.get("title").getAsString());
            assertCharts(view, model);
        }
    }

    @Test
    void migrationWithoutPeriodsComparesTheLatestTwoQuarters() throws Exception {
        JsonObject model = ok("/api/views/migration?dataset=" + ARCHIVE).getAsJsonObject();
        assertTrue(model.get("title").getAsString().endsWith("2024-Q1 → 2024-Q2"), model.get("title").getAsString());
        assertCharts("migration", model);
        JsonObject onlyTo = ok("/api/views/migration?dataset=" + ARCHIVE + "&to=2024-Q2").getAsJsonObject();
        assertEquals(model.get("title"), onlyTo.get("title"), "the period before 'to' by default");
    }

    @Test
    void theAccountProfileOfAnArchivedCustomer() throws Exception {
        JsonObject model = ok("/api/views/account?dataset=" + ARCHIVE + "&customer=S101&lang=zh").getAsJsonObject();
        assertTrue(model.get("title").getAsString().startsWith("客户档案 — 上海办公用品有限公司"), model.get("title").getAsString());
        assertCharts("account", model);
        Answer missing = client.get("/api/views/account?dataset=" + ARCHIVE, session);
        assertEquals(400, missing.status(), missing.toString());
        assertEquals("The view account needs the parameter customer (Customer).", missing.error());
    }

    @Test
    void viewsOfADatasetAnalysedFromItsFileShowTheStoredTiers() throws Exception {
        for (String view : List.of("pareto", "whale", "pyramid", "eroders", "migration")) {
            Answer answer = client.get("/api/views/" + view + "?dataset=" + DIRECT, session);
            if (view.equals("migration")) {
                // one tiered year only: the view says what it needs
                assertEquals(422, answer.status(), answer.toString());
                assertTrue(answer.error().contains("two tiered periods"), answer.error());
                continue;
            }
            assertEquals(200, answer.status(), view + ": " + answer);
            assertCharts(view, answer.json().getAsJsonObject());
        }
        String customer = ok("/api/customers?dataset=" + DIRECT + "&q=").getAsJsonArray().get(0).getAsJsonObject()
                .get("id").getAsString();
        Answer account = client.get("/api/views/account?dataset=" + DIRECT + "&customer=" + customer, session);
        assertEquals(200, account.status(), account.toString());
        assertCharts("account", account.json().getAsJsonObject());
    }

    @Test
    void theCustomerSearchFindsIdsAndNamesWithTheLatestTier() throws Exception {
        JsonArray byPrefix = ok("/api/customers?dataset=" + ARCHIVE + "&q=s10").getAsJsonArray();
        assertEquals(List.of("S101", "S102"), ids(byPrefix));
        JsonObject first = byPrefix.get(0).getAsJsonObject();
        assertEquals("上海办公用品有限公司", first.get("name").getAsString());
        assertFalse(first.get("tier").isJsonNull(), "the tier of the latest period: " + first);

        assertEquals(List.of("S102"), ids(ok("/api/customers?dataset=" + ARCHIVE + "&q=文具").getAsJsonArray()),
                "by name, in Chinese");
        assertEquals(List.of("A200", "A201", "A202"), ids(ok("/api/customers?dataset=" + ARCHIVE + "&q=a20")
                .getAsJsonArray()).subList(0, 3));
        assertEquals("A201", ids(ok("/api/customers?dataset=" + ARCHIVE + "&q=a201").getAsJsonArray()).get(0),
                "the id asked for first");
        assertEquals(List.of(), ids(ok("/api/customers?dataset=" + ARCHIVE + "&q=%25").getAsJsonArray()),
                "a % is a character, not a wildcard");
        assertEquals(List.of(), ids(ok("/api/customers?dataset=" + ARCHIVE + "&q=_").getAsJsonArray()));
    }

    @Test
    void withoutAnArchiveTheCustomerSearchReadsTheStoredTiers() throws Exception {
        JsonArray all = ok("/api/customers?dataset=" + DIRECT + "&q=").getAsJsonArray();
        assertEquals(50, all.size(), "at most 50");
        List<String> ids = ids(all);
        assertEquals(ids.stream().sorted().toList(), ids, "by id");
        String some = ids.get(17);
        JsonArray exact = ok("/api/customers?dataset=" + DIRECT + "&q=" + some).getAsJsonArray();
        JsonObject match = exact.get(0).getAsJsonObject();
        assertEquals(some, match.get("id").getAsString());
        assertTrue(!match.has("name") || match.get("name").isJsonNull(), "no archive, no name: " + match);
        assertFalse(match.get("tier").isJsonNull());
        for (String id : ids(ok("/api/customers?dataset=" + DIRECT + "&q=" + some.substring(2, 4)).getAsJsonArray())) {
            assertTrue(id.contains(some.substring(2, 4)), id);
        }
    }

    @Test
    void exportsSayWhatIsMissingWithoutAnExporter() throws Exception {
        Answer csv = client.get("/api/views/pareto/export.csv?dataset=" + ARCHIVE, session);
        if (Services.context().getServiceReference(ViewExporter.class) == null) {
            assertEquals(503, csv.status(), csv.toString());
            assertEquals("No exporter is installed, so views cannot be exported (no ViewExporter service is running).",
                    csv.error());
            Answer chinese = client.get("/api/export.pdf?dataset=" + ARCHIVE + "&lang=zh", session);
            assertEquals(503, chinese.status());
            assertTrue(chinese.error().startsWith("未安装导出组件"), chinese.error());
        } else {
            assertEquals(200, csv.status(), csv.toString());
            assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
            assertTrue(csv.body().lines().count() > 3, csv.body());
        }
    }

    /** 300 customers D0001..D0300 with one to four purchases in 2024, some too small to pay for their order lines. */
    private static Path purchaseFile() throws Exception {
        StringBuilder csv = new StringBuilder("customer_id,order_date,revenue\n");
        for (int customer = 1; customer <= 300; customer++) {
            for (int purchase = 0; purchase <= customer % 4; purchase++) {
                csv.append(String.format("D%04d,2024-%02d-15,%d.%02d%n", customer, 1 + (customer + purchase) % 12,
                        customer % 7 == 0 ? 1 : customer * 3 % 500, customer % 100));
            }
        }
        Path file = Files.createTempFile("console-direct", ".csv");
        Files.writeString(file, csv);
        return file;
    }

    private static JsonElement ok(String path) throws Exception {
        Answer answer = client.get(path, session);
        assertEquals(200, answer.status(), path + ": " + answer);
        return answer.json();
    }

    /** Every chart has points, and every series of a chart as many as its categories or more than one. */
    private static void assertCharts(String view, JsonObject model) {
        JsonArray charts = model.getAsJsonArray("charts");
        assertFalse(charts.isEmpty(), view + " has no chart");
        for (JsonElement chart : charts) {
            int points = 0;
            for (JsonElement series : chart.getAsJsonObject().getAsJsonArray("series")) {
                points += series.getAsJsonObject().getAsJsonArray("points").size();
            }
            assertTrue(points > 0, view + "/" + chart.getAsJsonObject().get("id") + " has no points");
        }
    }

    private static List<String> ids(JsonArray matches) {
        List<String> ids = new ArrayList<>();
        matches.forEach(match -> ids.add(match.getAsJsonObject().get("id").getAsString()));
        return ids;
    }

    private static List<String> strings(JsonArray array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.getAsString()));
        return values;
    }
}
