package org.moneytree.e2e.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code moneytree report}: the standard reporting views (bundle org.moneytree.report.views) listed, written as
 * HTML, CSV and PDF from the shipped example archive analysed by quarter, and refusals of bad requests.
 */
class ReportCommandLineTest {

    private static final Path ARCHIVE = Path.of(System.getProperty("moneytree.examples")).resolve("archive");

    private static MoneytreeProduct product;

    @BeforeAll
    static void analyseTheExample() throws Exception {
        product = new MoneytreeProduct(Path.of(System.getProperty("moneytree.product")),
                Path.of(System.getProperty("moneytree.scratch") + "-report"));
        for (String kind : List.of("customers", "activities", "purchases")) {
            MoneytreeProduct.Run run = product.run("import", ARCHIVE.resolve(kind + ".csv").toString(), "--dataset",
                    "demo", "--kind", kind);
            assertEquals(0, run.exitCode(), kind + ": " + run);
        }
        MoneytreeProduct.Run run = product.run("analyze", "--dataset", "demo", "--period-length", "quarter");
        assertEquals(0, run.exitCode(), run.toString());
    }

    @Test
    void listShowsTheStandardViews() throws Exception {
        MoneytreeProduct.Run run = product.run("report", "list");
        assertEquals(0, run.exitCode(), run.toString());
        for (String view : List.of("pyramid", "pareto", "whale", "migration", "eroders", "account")) {
            assertTrue(run.out().lines().anyMatch(line -> line.startsWith(view + " ")), view + " in\n" + run.out());
        }
        assertTrue(run.out().contains("customer=CUSTOMER"), "the account view's parameter: " + run.out());
    }

    @Test
    void aViewAsHtmlAndCsv() throws Exception {
        MoneytreeProduct.Run html = product.run("report", "pyramid", "--dataset", "demo", "--lang", "zh", "-o",
                "pyramid.html");
        assertEquals(0, html.exitCode(), html.toString());
        String page = Files.readString(product.workingDirectory().resolve("pyramid.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("<html lang=\"zh-CN\">") && page.contains("<svg"), page);
        assertFalse(page.contains("<script"));

        MoneytreeProduct.Run csv = product.run("report", "whale", "--dataset", "demo", "--param", "period=2024-Q1",
                "-o", "whale.csv");
        assertEquals(0, csv.exitCode(), csv.toString());
        byte[] bytes = Files.readAllBytes(product.workingDirectory().resolve("whale.csv"));
        assertEquals((byte) 0xEF, bytes[0], "a byte order mark");
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(new String(bytes, 3, bytes.length - 3,
                StandardCharsets.UTF_8))).getRecords();
        assertTrue(records.stream().anyMatch(record -> record.toList().equals(List.of("figure", "label", "value"))),
                records.toString());

        MoneytreeProduct.Run account = product.run("report", "account", "--dataset", "demo", "--param",
                "customer=S101", "-o", "s101.html");
        assertEquals(0, account.exitCode(), account.toString());
    }

    @Test
    void theStandardAnalysisAsOnePdf() throws Exception {
        MoneytreeProduct.Run run = product.run("report", "pdf", "--dataset", "demo", "--lang", "zh", "-o",
                "analysis.pdf");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("已将数据集 demo 的 5 个视图写入"), run.out());
        try (PDDocument pdf = Loader.loadPDF(product.workingDirectory().resolve("analysis.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("客户盈利分析 — demo，2024-Q2"), text);
            assertTrue(text.contains("铂金") || text.contains("黄金"), "tiers named in Chinese");
            assertTrue(pdf.getNumberOfPages() >= 6, "a title page and a page per view at least");
        }
        MoneytreeProduct.Run english = product.run("report", "pdf", "--dataset", "demo", "--period", "2024-Q1", "-o",
                "q1.pdf");
        assertEquals(0, english.exitCode(), english.toString());
        try (PDDocument pdf = Loader.loadPDF(product.workingDirectory().resolve("q1.pdf").toFile())) {
            assertTrue(new PDFTextStripper().getText(pdf).contains("Customer profitability — demo, 2024-Q1"));
        }
    }

    @Test
    void badRequestsExitWithTwoAndOneLine() throws Exception {
        List<List<String>> bad = List.of(
                List.of("report", "nosuch", "--dataset", "demo", "-o", "x.html"),
                List.of("report", "whale", "--dataset", "demo", "--param", "nosuch=1", "-o", "x.html"),
                List.of("report", "account", "--dataset", "demo", "-o", "x.html"),
                List.of("report", "migration", "--dataset", "demo", "--param", "from=someday", "-o", "x.html"),
                List.of("report", "whale", "--dataset", "demo", "-o", "x.txt"),
                List.of("report", "whale", "--dataset", "nosuchdataset", "-o", "x.html"));
        for (List<String> args : bad) {
            MoneytreeProduct.Run run = product.run(args.toArray(String[]::new));
            assertEquals(2, run.exitCode(), args + ": " + run);
            assertEquals(1, run.err().lines().count(), args + ": one line: " + run);
            assertTrue(run.err().startsWith("moneytree: "), run.toString());
        }
        assertFalse(Files.exists(product.workingDirectory().resolve("x.html")), "nothing written");
    }
}
