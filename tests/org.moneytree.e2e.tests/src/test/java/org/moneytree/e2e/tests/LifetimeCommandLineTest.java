package org.moneytree.e2e.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Lifetime value from the command line on the shipped CDNOW sample, as a consultant runs it: fit with a holdout
 * and the published estimates on screen, the tracking series for a chart, every customer's forecast, one
 * customer shown in English and Chinese, and the errors a user can make.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifetimeCommandLineTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("moneytree.examples"));

    private static MoneytreeProduct product;

    @BeforeAll
    static void copyTheBuiltProductAndImportTheSample() throws Exception {
        product = new MoneytreeProduct(Path.of(System.getProperty("moneytree.product")),
                Path.of(System.getProperty("moneytree.scratch") + "-clv"));
        MoneytreeProduct.Run run = product.run("import", EXAMPLES.resolve("cdnow_sample.txt").toString(), "--dataset",
                "sample");
        assertEquals(0, run.exitCode(), run.toString());
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    @Test
    @Order(1)
    void fitShowsThePublishedEstimatesAndTheHoldoutCheck() throws Exception {
        MoneytreeProduct.Run run = product.run("clv", "fit", "--dataset", "sample", "--calibration-end", "1997-09-30",
                "--tracking", "tracking.csv");
        assertEquals(0, run.exitCode(), run.toString());
        String out = run.out();
        assertTrue(out.contains("BG/NBD (beta-geometric / negative binomial) fitted to dataset sample: calibration"
                + " 1997-01-01 to 1997-09-30, time unit 7.00 days, 2,357 customers"), out);
        assertTrue(out.contains("Converged: log-likelihood -9582.43"), out);
        assertTrue(out.matches("(?s).*\\nr\\s+0\\.2426\\s+0\\.0126\\n.*"), out);
        assertTrue(out.matches("(?s).*\\nalpha\\s+4\\.4136\\s.*"), out);
        assertTrue(out.matches("(?s).*\\np\\s+6\\.2495\\s.*"), out);
        assertTrue(out.contains("Holdout 1997-10-01 to 1998-06-30 (39.0 time units): 1,882 purchases"), out);
        assertTrue(out.matches("(?s).*\\n\\s+0\\s+1,411\\s+0\\.237\\s+0\\.225\\n.*"), out);
        List<CSVRecord> tracking = readCsv(product.workingDirectory().resolve("tracking.csv"));
        assertEquals(78, tracking.size());
        assertEquals("4339", tracking.get(77).get("actual_cumulative"));
        assertEquals("holdout", tracking.get(77).get("period"));
        assertEquals("calibration", tracking.get(0).get("period"));
    }

    @Test
    @Order(2)
    void predictWritesEveryCustomersForecast() throws Exception {
        MoneytreeProduct.Run run = product.run("clv", "predict", "--dataset", "sample", "--horizon", "24",
                "--discount", "0.12", "--top", "3");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("forecast over 24 months, discounted at 12.0% a year."), run.out());
        assertTrue(run.out().contains("2,357 customers"), run.out());
        List<CSVRecord> rows = readCsv(product.workingDirectory().resolve("sample-clv.csv"));
        assertEquals(2357, rows.size());
        CSVRecord first = rows.get(0);
        assertEquals("00004", first.get("customer_id"));
        assertEquals("2", first.get("frequency"));
        assertEquals("24.65", first.get("expected_value"));
        assertEquals("1", first.get("holdout_purchases"));
        assertEquals(0.7266, Double.parseDouble(first.get("probability_alive")), 0.0001);
        double sum = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("lifetime_value"))).sum();
        assertTrue(run.out().contains(String.format(java.util.Locale.ROOT, "%,.2f", sum)), "total " + sum + " in "
                + run.out());
    }

    @Test
    @Order(3)
    void showExplainsOneCustomerInEnglishAndChinese() throws Exception {
        MoneytreeProduct.Run english = product.run("clv", "show", "00004", "--dataset", "sample");
        assertEquals(0, english.exitCode(), english.toString());
        assertTrue(english.out().contains("Probability of being still active: 72.7%"), english.out());
        assertTrue(english.out().contains("Expected value per purchase: 24.65"), english.out());
        assertTrue(english.out().contains("Purchases in the holdout period: 1"), english.out());
        MoneytreeProduct.Run chinese = product.run("clv", "show", "00004", "--dataset", "sample", "--lang", "zh");
        assertEquals(0, chinese.exitCode(), chinese.toString());
        assertTrue(chinese.out().contains("仍然活跃的概率：72.7%"), chinese.out());
        assertTrue(chinese.out().contains("已为数据集 sample 拟合 BG/NBD（贝塔几何/负二项）模型"), chinese.out());
    }

    @Test
    @Order(4)
    void mistakesGetAClearMessage() throws Exception {
        MoneytreeProduct.Run badDate = product.run("clv", "fit", "--dataset", "sample", "--calibration-end", "1997-13-01");
        assertEquals(2, badDate.exitCode(), badDate.toString());
        assertTrue(badDate.err().contains("--calibration-end: '1997-13-01' is not a date (expected YYYY-MM-DD"),
                badDate.err());
        MoneytreeProduct.Run badModel = product.run("clv", "fit", "--dataset", "sample", "--model", "weibull");
        assertEquals(2, badModel.exitCode(), badModel.toString());
        assertTrue(badModel.err().contains("unknown model family 'weibull'"), badModel.err());
        MoneytreeProduct.Run empty = product.run("clv", "fit", "--dataset", "nothing");
        assertEquals(2, empty.exitCode(), empty.toString());
        assertTrue(empty.err().contains("dataset 'nothing' has no stored purchases"), empty.err());
        MoneytreeProduct.Run noFit = product.run("clv", "predict", "--dataset", "nothing");
        assertEquals(2, noFit.exitCode(), noFit.toString());
        assertTrue(noFit.err().contains("has no lifetime fit yet"), noFit.err());
        MoneytreeProduct.Run unknown = product.run("clv", "show", "99999", "--dataset", "sample");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("Customer 99999 is not in the newest fit"), unknown.err());
        MoneytreeProduct.Run contracts = product.run("clv", "fit", "--dataset", "sample", "--model", "sbg");
        assertEquals(2, contracts.exitCode(), contracts.toString());
        assertTrue(contracts.err().contains("has no contracts"), contracts.err());
        MoneytreeProduct.Run sectors = product.run("clv", "sectors");
        assertEquals(0, sectors.exitCode(), sectors.toString());
        assertTrue(sectors.out().contains("No sector plugin chooses a lifetime-value model"), sectors.out());
    }
}
