package org.moneytree.e2e.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The built product, run as a separate process as a user would: the main job on the shipped data, bad
 * input, and a sector plugin installed from the update site with p2 and removed again. The tests share one
 * product copy and workspace and run in order, as a user's session would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductCommandLineTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("moneytree.examples"));
    private static final Path SITE = Path.of(System.getProperty("moneytree.site"));
    private static final String RETAIL = "org.moneytree.sector.retail.feature";

    private static MoneytreeProduct product;

    @BeforeAll
    static void copyTheBuiltProduct() throws Exception {
        product = new MoneytreeProduct(Path.of(System.getProperty("moneytree.product")),
                Path.of(System.getProperty("moneytree.scratch") + "-product"));
    }

    @Test
    @Order(1)
    void analyzeTheCdnowMasterFile() throws Exception {
        // at start level 4, as the moneytree script runs every command but console: the web server's bundle
        // (level 5) is not started, and that is no plugin failure
        MoneytreeProduct.Run run = product.run(List.of("-Dosgi.startLevel=4"), "analyze",
                EXAMPLES.resolve("cdnow.txt").toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.err(), "nothing on standard error");
        assertTrue(run.out().contains("69,659 new, 0 updated, 0 unchanged, 0 rejected; dataset cdnow."), run.out());
        // every year with purchases is analysed; the summary is the latest year's, 1998 (January to June)
        assertTrue(run.out().contains("Dataset cdnow, period 1998 (year): 12,757 purchase lines, 5,374 customers;"
                + " cost model standard."), run.out());
        assertTrue(run.out().contains("The top 20% of customers make 60.5% of revenue and 61.1% of net profit"),
                run.out());
        assertTrue(run.out().matches("(?s).*platinum\\s+269\\s+5\\.0%.*"), run.out());
        assertTrue(run.out().matches("(?s).*1997\\s+23,570\\s+2,024,161.26.*1998\\s+5,374\\s+476,154.37.*"), run.out());

        Map<String, Integer> tiers = new HashMap<>();
        List<CSVRecord> rows = readCsv(product.workingDirectory().resolve("cdnow-pyramid-tiers.csv"));
        rows.stream().filter(row -> row.get("period").equals("1997"))
                .forEach(row -> tiers.merge(row.get("tier"), 1, Integer::sum));
        assertEquals(23_570 + 5_374, rows.size());
        assertEquals(Map.of("platinum", 1_179, "gold", 3_535, "iron", 11_785, "lead", 7_071), tiers);
        CSVRecord first = rows.get(0);
        assertEquals("00001", first.get("customer_id"));
        assertEquals("11.77", first.get("revenue"));
        assertEquals("1997-01-01", first.get("first_purchase"));
    }

    @Test
    @Order(2)
    void aSecondRunSeesTheFirstRunsPurchasesAndDoesNotDoubleThem() throws Exception {
        MoneytreeProduct.Run run = product.run("analyze", EXAMPLES.resolve("cdnow.txt").toString(), "--lang", "zh");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("新增 0，更新 0，未变 69,659，拒绝 0；数据集 cdnow。"), run.out());
        assertTrue(run.out().contains("数据集 cdnow，期间 1998（年）：12,757 条购买记录，5,374 位客户"), run.out());
        assertTrue(run.out().contains("铂金"), run.out());

        MoneytreeProduct.Run stored = product.run("analyze", "--dataset", "cdnow", "-o", "stored.csv");
        assertEquals(0, stored.exitCode(), stored.toString());
        assertTrue(stored.out().contains("5,374 customers"), stored.out());
    }

    @Test
    @Order(3)
    void analyzeTheOnlineRetailCsv() throws Exception {
        MoneytreeProduct.Run run = product.run("analyze", EXAMPLES.resolve("online_retail.csv").toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("period 2011 (year): 17,132 purchase lines, 4,219 customers"), run.out());
        assertTrue(run.out().matches("(?s).*2010\\s+885\\s+572,713.89.*"), run.out());
        assertTrue(run.out().matches("(?s).*The top 20% of customers make 7\\d\\.\\d% of revenue.*"), run.out());
    }

    @Test
    @Order(4)
    void aBadFileIsRefusedWithFileLineAndFieldAndChangesNothing() throws Exception {
        Path bad = Files.writeString(product.workingDirectory().resolve("bad.csv"),
                "customer_id,order_date,revenue\nc1,2024-01-02,1\nc2,2024-02-30,2\nc3,2024-01-02,ten\n");
        MoneytreeProduct.Run run = product.run("analyze", bad.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains(bad + ":3: order_date: '2024-02-30' is not a date"), run.err());
        assertTrue(run.err().contains(bad + ":4: revenue: 'ten' is not a number"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());

        MoneytreeProduct.Run datasets = product.run("datasets");
        assertEquals(0, datasets.exitCode(), datasets.toString());
        assertTrue(datasets.out().contains("cdnow"), datasets.out());
        assertFalse(datasets.out().contains("bad"), "the failed import stored something: " + datasets.out());
    }

    @Test
    @Order(5)
    void badArgumentsAndUnknownSchemesGiveAOneLineReason() throws Exception {
        MoneytreeProduct.Run missing = product.run("analyze", "no-such-file.txt");
        assertEquals(2, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("no-such-file.txt: no such file"), missing.err());

        MoneytreeProduct.Run unknownOption = product.run("analyze", "--frobnicate");
        assertEquals(2, unknownOption.exitCode(), unknownOption.toString());
        assertTrue(unknownOption.err().contains("Unknown option: '--frobnicate'"), unknownOption.err());

        MoneytreeProduct.Run scheme = product.run("analyze", "--dataset", "cdnow", "--scheme", "nope");
        assertEquals(1, scheme.exitCode(), scheme.toString());
        assertTrue(scheme.err().contains("no tier scheme 'nope'; installed schemes: pyramid"), scheme.err());
    }

    @Test
    @Order(6)
    void installASectorPluginFromTheUpdateSiteUseItAndUninstallIt() throws Exception {
        MoneytreeProduct.Run before = product.run("schemes");
        assertEquals(0, before.exitCode(), before.toString());
        assertTrue(before.out().contains("pyramid"), before.out());
        assertFalse(before.out().contains("retail"), before.out());

        MoneytreeProduct.Run install = product.run("plugins", "install", RETAIL, "--from", SITE.toString());
        assertEquals(0, install.exitCode(), install.toString());
        assertTrue(install.out().contains("Installed " + RETAIL), install.out());

        MoneytreeProduct.Run list = product.run("plugins", "list");
        assertEquals(0, list.exitCode(), list.toString());
        assertTrue(list.out().lines().anyMatch(line -> line.startsWith(RETAIL) && !line.endsWith("(product)")),
                list.out());
        assertTrue(list.out().lines().anyMatch(line -> line.startsWith("org.moneytree.feature ")
                && line.endsWith("(product)")), list.out());

        MoneytreeProduct.Run schemes = product.run("schemes");
        assertTrue(schemes.out().contains("retail"), schemes.toString());
        assertTrue(schemes.out().contains("[org.moneytree.sector.retail]"), schemes.out());

        MoneytreeProduct.Run analyze = product.run("analyze", "--dataset", "cdnow", "--scheme", "retail");
        assertEquals(0, analyze.exitCode(), analyze.toString());
        assertTrue(analyze.out().contains("Tier scheme retail: Retail distribution"), analyze.out());
        assertTrue(analyze.out().contains("5,374 customers"), analyze.out());
        assertTrue(Files.exists(product.workingDirectory().resolve("cdnow-retail-tiers.csv")));

        MoneytreeProduct.Run sectors = product.run("clv", "sectors");
        assertEquals(0, sectors.exitCode(), sectors.toString());
        assertTrue(sectors.out().matches("(?s).*retail\\s+Retail distribution\\s+Pareto/NBD.*"), sectors.out());
        MoneytreeProduct.Run fit = product.run("clv", "fit", "--dataset", "cdnow", "--sector", "retail",
                "--calibration-end", "1997-09-30");
        assertEquals(0, fit.exitCode(), fit.toString());
        assertTrue(fit.out().contains("Pareto/NBD fitted to dataset cdnow"), fit.out());
        assertTrue(fit.out().contains("(sector: retail)"), fit.out());

        MoneytreeProduct.Run uninstall = product.run("plugins", "uninstall", RETAIL);
        assertEquals(0, uninstall.exitCode(), uninstall.toString());

        MoneytreeProduct.Run after = product.run("schemes");
        assertEquals(0, after.exitCode(), after.toString());
        assertFalse(after.out().contains("retail"), after.out());
        MoneytreeProduct.Run gone = product.run("analyze", "--dataset", "cdnow", "--scheme", "retail");
        assertEquals(1, gone.exitCode(), gone.toString());
        assertTrue(gone.err().contains("no tier scheme 'retail'"), gone.err());
        MoneytreeProduct.Run noSector = product.run("clv", "fit", "--dataset", "cdnow", "--sector", "retail");
        assertEquals(2, noSector.exitCode(), noSector.toString());
        assertTrue(noSector.err().contains("no sector 'retail' is installed"), noSector.err());
    }

    @Test
    @Order(7)
    void theProductCannotLoseItsOwnFeatureAndRefusesUnknownSites() throws Exception {
        MoneytreeProduct.Run own = product.run("plugins", "uninstall", "org.moneytree.feature");
        assertEquals(1, own.exitCode(), own.toString());
        assertTrue(own.err().contains("part of the product"), own.err());

        MoneytreeProduct.Run nowhere = product.run("plugins", "install", RETAIL, "--from",
                product.workingDirectory().resolve("no-site").toString());
        assertEquals(1, nowhere.exitCode(), nowhere.toString());
        assertTrue(nowhere.err().contains("no update site at"), nowhere.err());
    }

    @Test
    @Order(8)
    void aBrokenPluginIsNamedAndTheRestKeepsWorking() throws Exception {
        String broken = "org.moneytree.testplugin.feature";
        MoneytreeProduct.Run install = product.run("plugins", "install", broken, "--from",
                System.getProperty("moneytree.testsite"));
        assertEquals(0, install.exitCode(), install.toString());

        MoneytreeProduct.Run list = product.run("plugins", "list");
        assertEquals(0, list.exitCode(), list.toString());
        assertTrue(list.out().contains("FAILED org.moneytree.testplugin (org.moneytree.testplugin.FailingActivation)"
                + ": java.lang.IllegalStateException: this plugin fails on purpose at activation"), list.out());

        MoneytreeProduct.Run analyze = product.run("analyze", "--dataset", "cdnow");
        assertEquals(0, analyze.exitCode(), analyze.toString());
        assertTrue(analyze.err().contains("warning: plugin org.moneytree.testplugin failed"), analyze.err());
        assertTrue(analyze.out().contains("5,374 customers"), analyze.out());

        MoneytreeProduct.Run exploding = product.run("analyze", "--dataset", "cdnow", "--scheme", "exploding");
        assertEquals(1, exploding.exitCode(), exploding.toString());
        assertTrue(exploding.err().contains("tier scheme 'exploding' from plugin org.moneytree.testplugin failed: "
                + "java.lang.IllegalStateException: boom from the exploding scheme"), exploding.err());
        assertFalse(exploding.err().contains("\tat "), "no stack trace: " + exploding.err());

        MoneytreeProduct.Run working = product.run("analyze", "--dataset", "cdnow", "--scheme", "alphabetical");
        assertEquals(0, working.exitCode(), working.toString());

        assertEquals(0, product.run("plugins", "uninstall", broken).exitCode());
        MoneytreeProduct.Run clean = product.run("plugins", "list");
        assertFalse(clean.out().contains("FAILED"), clean.out());
    }

    @Test
    @Order(9)
    void aConfigurationFileSwitchesToPostgresqlAndRemovingItSwitchesBack() throws Exception {
        Path configuration = product.configurationFolder().resolve("org.moneytree.persistence.cfg");
        Files.createDirectories(configuration.getParent());
        Files.copy(Path.of(System.getProperty("moneytree.postgresql.conf"), "org.moneytree.persistence.cfg"),
                configuration);

        MoneytreeProduct.Run run = product.run("analyze", EXAMPLES.resolve("cdnow_sample.txt").toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Dataset cdnow_sample, period 1998 (year): 1,191 purchase lines, 515 customers"),
                run.out());
        MoneytreeProduct.Run onPostgresql = product.run("datasets");
        assertTrue(onPostgresql.out().contains("cdnow_sample"), onPostgresql.out());
        assertFalse(onPostgresql.out().contains("cdnow "), "the H2 workspace's dataset: " + onPostgresql.out());

        Files.delete(configuration);
        MoneytreeProduct.Run onH2 = product.run("datasets");
        assertEquals(0, onH2.exitCode(), onH2.toString());
        assertTrue(onH2.out().contains("cdnow "), onH2.out());
        assertFalse(onH2.out().contains("cdnow_sample"), onH2.out());
    }

    @Test
    @Order(10)
    void importAChineseExportWithASavedMappingThenReuseTheMapping() throws Exception {
        Path export = product.workingDirectory().resolve("客户订单.csv");
        Files.write(export, ("客户编号,订单日期,金额,订单号\n客户一,3/1/2024,\"1.234,50\",A-1\n客户二,4/1/2024,\"20,00\",A-2\n")
                .getBytes(java.nio.charset.Charset.forName("GB18030")));
        MoneytreeProduct.Run first = product.run("import", export.toString(), "--dataset", "china", "--encoding",
                "GB18030", "--date-format", "d/M/yyyy", "--decimal-separator", ",", "--column", "客户编号=customer_id",
                "--column", "订单日期=order_date", "--column", "金额=revenue", "--column", "订单号=order_id",
                "--save-mapping", "client-cn");
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.out().contains("Read 2 rows from " + export + ": 2 new, 0 updated, 0 unchanged, 0 rejected;"
                + " dataset china."), first.out());
        assertTrue(Files.exists(product.configurationFolder().resolve("mappings/client-cn.properties")));

        // The client's next extract: one order corrected, one new; the saved mapping reads it.
        Files.write(export, ("客户编号,订单日期,金额,订单号\n客户一,3/1/2024,\"1.300,00\",A-1\n客户三,5/1/2024,\"7,00\",A-3\n")
                .getBytes(java.nio.charset.Charset.forName("GB18030")));
        MoneytreeProduct.Run next = product.run("import", export.toString(), "--dataset", "china", "--encoding",
                "GB18030", "--date-format", "d/M/yyyy", "--decimal-separator", ",", "--mapping", "client-cn");
        assertEquals(0, next.exitCode(), next.toString());
        assertTrue(next.out().contains("2 new, 1 updated, 0 unchanged") || next.out().contains("1 new, 1 updated"),
                next.out());
        MoneytreeProduct.Run analyze = product.run("analyze", "--dataset", "china");
        assertTrue(analyze.out().contains("period 2024 (year): 3 purchase lines, 3 customers"), analyze.toString());
        assertTrue(analyze.out().contains("Revenue 1,327.00,"), analyze.toString());
    }

    @Test
    @Order(11)
    void everyKindOfBadInputGetsAClearMessageAndChangesNothing() throws Exception {
        Path work = product.workingDirectory();
        String header = "customer_id,order_date,revenue,quantity\n";
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("empty.csv", "");
        cases.put("header-only.csv", header);
        cases.put("missing-column.csv", "customer_id,revenue\nc1,1\n");
        cases.put("unknown-column.csv", "customer_id,order_date,revenue,colour\nc1,2024-01-01,1,red\n");
        cases.put("bad-date.csv", header + "c1,2024-01-01,1,1\nc2,01.02.2024,1,1\n");
        cases.put("negative-quantity.csv", header + "c1,2024-01-01,5,-1\n");
        cases.put("text-amount.csv", header + "c1,2024-01-01,five,1\n");
        cases.put("huge-line.csv", header + "c".repeat(10 * 1024 * 1024) + ",2024-01-01,1,1\n");
        Map<String, String> expected = Map.of(
                "empty.csv", "empty.csv: the file is empty",
                "header-only.csv", "header-only.csv: the file holds no purchases",
                "missing-column.csv", "missing-column.csv:1: order_date: missing column",
                "unknown-column.csv", "unknown-column.csv:1: colour: unknown column",
                "bad-date.csv", "bad-date.csv:3: order_date: '01.02.2024' is not a date",
                "negative-quantity.csv", "negative-quantity.csv:2: quantity: '-1' is negative while revenue is positive",
                "text-amount.csv", "text-amount.csv:2: revenue: 'five' is not a number",
                "huge-line.csv", "huge-line.csv:2: customer_id: 10485760 characters; expected at most 100");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            Path file = Files.writeString(work.resolve(bad.getKey()), bad.getValue());
            MoneytreeProduct.Run run = product.run("import", file.toString(), "--dataset", "bad");
            assertEquals(2, run.exitCode(), bad.getKey() + ": " + run);
            String message = work.resolve(expected.get(bad.getKey())).toString();
            assertTrue(run.err().lines().anyMatch(line -> line.startsWith("moneytree: " + message)),
                    bad.getKey() + ": " + run.err());
            assertFalse(run.err().contains("\tat "), "stack trace: " + run.err());
        }
        Path gbk = work.resolve("gbk.csv");
        Files.write(gbk, (header + "c1,2024-01-01,1,1\n客户,2024-01-01,1,1\n").getBytes(java.nio.charset.Charset.forName("GBK")));
        MoneytreeProduct.Run encoding = product.run("import", gbk.toString(), "--dataset", "bad");
        assertEquals(2, encoding.exitCode(), encoding.toString());
        assertTrue(encoding.err().contains(gbk + ":3: the file is not UTF-8 text here; give its encoding"), encoding.err());

        MoneytreeProduct.Run datasets = product.run("datasets");
        assertFalse(datasets.out().contains("bad"), "a failed import stored something: " + datasets.out());
    }

    /**
     * A workspace whose database an early version made (Moneytree tables, no Flyway schema history): the command
     * says which database, why it cannot be used and what to do, not that some service is missing.
     */
    @Test
    @Order(12)
    void aWorkspaceFromBeforeSchemaMigrationsIsRefusedWithWhatToDo() throws Exception {
        Path stale = product.workingDirectory().resolve("stale-workspace");
        Files.createDirectories(stale);
        try (java.net.URLClassLoader h2 = new java.net.URLClassLoader(
                new java.net.URL[] { product.plugin("com.h2database_").toUri().toURL() },
                ClassLoader.getPlatformClassLoader())) {
            java.sql.Driver driver = (java.sql.Driver) h2.loadClass("org.h2.Driver").getConstructor().newInstance();
            java.util.Properties user = new java.util.Properties();
            user.put("user", "moneytree");
            user.put("password", "");
            try (java.sql.Connection connection = driver.connect("jdbc:h2:file:" + stale.resolve("moneytree"), user);
                    java.sql.Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE MT_PURCHASE (ID BIGINT PRIMARY KEY, CUSTOMER_ID VARCHAR(100))");
                statement.execute("INSERT INTO MT_PURCHASE VALUES (1, 'old')");
            }
        }
        MoneytreeProduct.Run run = product.runOn(stale, "analyze", EXAMPLES.resolve("cdnow.txt").toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("the H2 database in " + stale + " holds Moneytree tables from an earlier"
                + " version that kept no schema history"), run.err());
        assertTrue(run.err().contains("move the workspace away (or choose another with MONEYTREE_WORKSPACE) and import"
                + " the data again"), run.err());
        assertFalse(run.err().contains("Unable to get service"), run.err());
        assertFalse(run.err().contains("\tat "), "stack trace: " + run.err());
    }

    @Test
    @Order(13)
    void killingAnImportMidwayLeavesTheDatabaseAsItWas() throws Exception {
        Path big = product.workingDirectory().resolve("big.csv");
        try (java.io.BufferedWriter writer = Files.newBufferedWriter(big)) {
            writer.write("customer_id,order_date,revenue,quantity\n");
            for (int line = 0; line < 3_000_000; line++) {
                writer.write("k" + (line % 50_000) + ",2024-01-" + (1 + line % 28 < 10 ? "0" : "") + (1 + line % 28)
                        + "," + (line % 997) + ".25,1\n");
            }
        }
        MoneytreeProduct.Run before = product.run("datasets");
        Path out = product.workingDirectory().resolve("killed.out");
        Path err = product.workingDirectory().resolve("killed.err");
        Process importing = product.start(out, err, "import", big.toString(), "--dataset", "killed");
        // Wait until the import is well under way, judged by the CPU time the process has used (the H2 file
        // cannot be looked into while the product holds it open).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (importing.isAlive() && cpuSeconds(importing) < 8 && System.nanoTime() < deadline) {
            importing.waitFor(200, TimeUnit.MILLISECONDS);
        }
        assertTrue(importing.isAlive(), "the import ended before it could be killed; make the file bigger: "
                + Files.readString(out) + Files.readString(err));
        importing.destroyForcibly().waitFor();
        assertEquals(137, importing.exitValue(), "killed with SIGKILL");

        MoneytreeProduct.Run after = product.run("datasets");
        assertEquals(0, after.exitCode(), after.toString());
        assertEquals(before.out(), after.out(), "the killed import changed the database");
        MoneytreeProduct.Run analyze = product.run("analyze", "--dataset", "cdnow");
        assertTrue(analyze.out().contains("12,757 purchase lines, 5,374 customers"), analyze.toString());
        assertTrue(analyze.out().matches("(?s).*1997\\s+23,570\\s+2,024,161.26.*"), analyze.toString());
    }

    private static double cpuSeconds(Process process) {
        return process.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(0.0);
    }

    private static List<CSVRecord> readCsv(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
