package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.moneytree.api.report.KeyFigure;
import org.moneytree.api.report.ValueType;
import org.moneytree.api.report.ViewExporter;
import org.moneytree.api.report.ViewModel;
import org.moneytree.api.report.ViewTable;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The exports of views (bundle org.moneytree.report.export), on hand-built models: CSV read back with Commons
 * CSV, HTML's inline SVG parsed as XML, PDFs re-opened with PDFBox.
 */
class ViewExporterTest {

    private static ViewExporter exporter;

    @BeforeAll
    static void services() {
        exporter = Services.get(ViewExporter.class);
    }

    // ------------------------------------------------------------------------------------------------------
    // CSV

    @Test
    void csvReadsBackToTheModelsValues() throws IOException {
        ViewModel model = ExportModels.full();
        byte[] bytes = csv(model);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]),
                "UTF-8 with a byte order mark");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\n"), "records end with CRLF, as RFC 4180 and spreadsheets want");

        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            records = parser.getRecords();
        }
        int at = 0;
        assertEquals(List.of(model.title()), records.get(at++).toList());
        assertEquals(List.of(""), records.get(at++).toList(), "an empty line between blocks");
        assertEquals(List.of("figure", "label", "value"), records.get(at++).toList());
        for (KeyFigure figure : model.figures()) {
            CSVRecord record = records.get(at++);
            assertEquals(figure.id(), record.get(0));
            assertEquals(figure.label(), record.get(1));
            assertValue(figure.type(), figure.value(), record.get(2), figure.id());
        }
        ViewTable table = model.tables().get(0);
        assertEquals(List.of(""), records.get(at++).toList());
        assertEquals(List.of(table.title()), records.get(at++).toList());
        assertEquals(table.columns().stream().map(ViewTable.Column::id).toList(), records.get(at++).toList());
        for (List<Object> row : table.rows()) {
            CSVRecord record = records.get(at++);
            assertEquals(row.size(), record.size());
            for (int c = 0; c < row.size(); c++) {
                assertValue(table.columns().get(c).type(), row.get(c), record.get(c), table.columns().get(c).id());
            }
        }
        assertEquals(records.size(), at, "nothing after the last table");

        // The awkward values as text, exactly as a spreadsheet shows them.
        assertEquals(ExportModels.AWKWARD_NAME, records.get(at - 5).get(1));
        assertEquals("北京贸易有限公司", records.get(at - 4).get(1));
        assertEquals("12345678901234.56", records.get(at - 5).get(3), "money to the cent, with a dot, no grouping");
        assertEquals("0.000125", records.get(at - 4).get(4), "shares as plain fractions");
        assertEquals("-1234.50", records.get(at - 4).get(3));
        assertEquals("platinum", records.get(at - 5).get(2), "tiers as ids");
    }

    @Test
    void csvIsReadByCommonsCsvsDefaultFormatToo() throws IOException {
        String text = new String(csv(ExportModels.full()), StandardCharsets.UTF_8).substring(1);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
            List<CSVRecord> records = parser.getRecords();
            // Empty lines are skipped by the default format: title, figures header and 5 figures, table title,
            // header and 5 rows.
            assertEquals(1 + 1 + 5 + 1 + 1 + 5, records.size());
            assertEquals("C,4", records.get(records.size() - 2).get(0));
        }
    }

    @Test
    void csvKeepsTextThatLooksLikeAFormulaText() throws IOException {
        ViewTable table = new ViewTable("customers", "@Customers", List.of(
                new ViewTable.Column("customer", "Customer", ValueType.CUSTOMER),
                new ViewTable.Column("name", "Name", ValueType.TEXT),
                new ViewTable.Column("net_profit", "Net profit", ValueType.MONEY)), List.of(
                        Arrays.asList("C1", "=HYPERLINK(\"http://evil.invalid\",\"click\")", new BigDecimal("-775.80")),
                        Arrays.asList("-C2", "+1-555-0100", new BigDecimal("12.00")),
                        Arrays.asList("C3", "-12.5", BigDecimal.ZERO)));
        ViewModel model = new ViewModel("test", "=SUM(A1:A9)", "", List.of(), List.of(), List.of(table), List.of());
        String text = new String(csv(model), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            records = parser.getRecords();
        }
        assertEquals("'=SUM(A1:A9)", records.get(0).get(0));
        assertEquals("'@Customers", records.get(2).get(0));
        assertEquals(List.of("C1", "'=HYPERLINK(\"http://evil.invalid\",\"click\")", "-775.80"), records.get(4).toList());
        assertEquals(List.of("'-C2", "'+1-555-0100", "12.00"), records.get(5).toList());
        assertEquals(List.of("C3", "-12.5", "0.00"), records.get(6).toList(), "numbers stay numbers");
    }

    private static void assertValue(ValueType type, Object expected, String actual, String where) {
        if (expected == null) {
            assertEquals("", actual, where + ": none is an empty field");
            return;
        }
        switch (type) {
            case MONEY -> {
                assertTrue(actual.matches("-?\\d+\\.\\d\\d"), where + ": money to the cent: " + actual);
                assertEquals(0, ((BigDecimal) expected).compareTo(new BigDecimal(actual)), where);
            }
            case SHARE, NUMBER, SCORE -> assertEquals(((Number) expected).doubleValue(), Double.parseDouble(actual), 0.0,
                    where);
            case COUNT -> assertEquals(((Number) expected).longValue(), Long.parseLong(actual), where);
            // a text a spreadsheet would run as a formula is written with a leading apostrophe
            default -> assertEquals(expected.toString().startsWith("=") ? "'" + expected : expected, actual, where);
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // HTML

    @Test
    void htmlDrawsEachChartAsInlineSvgWithItsMarks() throws Exception {
        String html = html(ExportModels.full(), Locale.ENGLISH);
        List<String> svgs = svgs(html);
        assertEquals(4, svgs.size(), "one <svg> per chart");

        Document whale = xml(svgs.get(0));
        assertEquals(Map.of("profit", 11), marks(whale, "mt-point"), "a mark per point of the line");
        assertEquals(Map.of("peak", 1), marks(whale, "mt-mark"));
        assertTrue(svgs.get(0).contains("Share of customers (%)"), "axis labels carry their unit");
        assertTrue(svgs.get(0).contains("Peak: 142% of profit"));
        assertEquals("customer 0 <top>", firstTitle(whale, "mt-point"), "a point's label is its tooltip");

        Document bars = xml(svgs.get(1));
        assertEquals(Map.of("revenue", 4, "cost", 4), marks(bars, "mt-bar"), "a bar per category and series");
        assertEquals(Map.of("most", 1), marks(bars, "mt-mark"));
        assertTrue(svgs.get(1).contains(">lead<") && svgs.get(1).contains(">platinum<"), "categories on the axis");

        assertEquals(Map.of("profitable", 3, "losing", 3), marks(xml(svgs.get(2)), "mt-bar"));
        assertEquals(Map.of("customers", 4), marks(xml(svgs.get(3)), "mt-bar"),
                "the pyramid's spacers are not data marks");
    }

    @Test
    void htmlIsSelfContainedAndEscaped() throws Exception {
        String html = html(ExportModels.full(), Locale.ENGLISH);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(html.contains("<script"), "no script");
        assertFalse(Pattern.compile("(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "nothing fetched: " + html.lines().filter(l -> l.matches("(?i).*(src|href)\\s*=.*")).findFirst().orElse(""));
        assertFalse(html.contains("url(http"), "no stylesheet from elsewhere");
        assertTrue(html.contains("default-src 'none'"), "the page forbids fetching anything");

        assertFalse(html.contains("<test>"), "markup in the title is escaped");
        assertTrue(html.contains("<title>Profitability &lt;test&gt; &amp; more</title>"));
        assertTrue(html.contains("<h1>Profitability &lt;test&gt; &amp; more</h1>"));
        assertFalse(html.contains("<Jim>"));
        assertTrue(html.contains("Smith, &quot;Big&quot; &lt;Jim&gt; &amp; Co.\nsecond line"));
        assertFalse(html.contains("<markup>"));
        assertFalse(html.contains("<of>"), "chart titles are escaped inside the SVG too");
        assertTrue(html.contains("北京贸易有限公司"));

        // Key figures formatted for the reader.
        assertTrue(html.contains(">457,018.87<"), "money grouped with two decimals");
        assertTrue(html.contains(">61.1%<"), "shares in percent");
        assertTrue(html.contains(">12,345,678,901,234.56<"), "big money exact");
        assertTrue(html.contains(">5,374<"));
        assertTrue(html.contains(">-1,234.50<"));
        assertTrue(html.contains("First 5 of 1,000 rows."), "a table cut short by the view says so");
        assertTrue(html.contains("A note with &lt;markup&gt; &amp; &quot;quotes&quot;."));
        assertTrue(html.contains("Generated by Moneytree on"));
    }

    @Test
    void htmlNamesTiersInTheReadersLanguage() throws Exception {
        String html = html(ExportModels.chinese(), Locale.SIMPLIFIED_CHINESE);
        assertTrue(html.contains("<html lang=\"zh-CN\">"));
        for (String tier : List.of("铂金", "黄金", "铁质", "铅质")) {
            assertTrue(html.contains("<td>" + tier + "</td>"), tier);
        }
        assertFalse(html.contains("<td>platinum</td>"), "tier ids are not shown");
        assertTrue(html.contains(">1,234,567.89<"));
        assertTrue(html.contains(">50.0%<"));
        assertTrue(html.contains("说明"), "the exporter's own headings in Chinese");
        assertTrue(html.contains("由摇钱树生成于"));
        assertEquals(1, svgs(html).size());
        xml(svgs(html).get(0));
    }

    private static List<String> svgs(String html) {
        List<String> svgs = new ArrayList<>();
        Matcher matcher = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
        while (matcher.find()) {
            svgs.add(matcher.group());
        }
        return svgs;
    }

    private static Document xml(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The number of SVG groups of a class, by their data-series attribute. */
    private static Map<String, Integer> marks(Document svg, String kind) {
        Map<String, Integer> counts = new HashMap<>();
        NodeList groups = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (kind.equals(group.getAttribute("class"))) {
                counts.merge(group.getAttribute("data-series"), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String firstTitle(Document svg, String kind) {
        NodeList groups = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (kind.equals(group.getAttribute("class"))) {
                NodeList titles = group.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title");
                return titles.getLength() == 0 ? null : titles.item(0).getTextContent();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------------
    // PDF

    @Test
    void pdfHasTheTitleFiguresTablesAndPageNumbers() throws IOException {
        try (PDDocument pdf = pdf("Customer profitability — test, 2024", List.of(ExportModels.full()), Locale.ENGLISH)) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Customer profitability — test, 2024"), "the title page");
            assertTrue(text.contains("Profitability <test> & more"), "the view's title");
            assertTrue(text.contains("457,018.87") && text.contains("61.1%") && text.contains("12,345,678,901,234.56"),
                    "key figures formatted");
            assertTrue(text.contains("Net profit"));
            assertTrue(text.contains("北京贸易有限公司"), "Chinese in an English report, with the Chinese font");
            assertTrue(text.contains("First 5 of 1,000 rows."));
            int pages = pdf.getNumberOfPages();
            assertTrue(text.contains("Page " + pages + " of " + pages), "pages are numbered");
            assertEquals("Customer profitability — test, 2024", pdf.getDocumentInformation().getTitle());
        }
    }

    @Test
    void pdfInChineseNamesTiersInChinese() throws IOException {
        try (PDDocument pdf = pdf("客户盈利分析 — 测试，2024", List.of(ExportModels.chinese()), Locale.SIMPLIFIED_CHINESE)) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("客户盈利分析 — 测试，2024"));
            for (String tier : List.of("铂金", "黄金", "铁质", "铅质")) {
                assertTrue(text.contains(tier), tier + " in " + text);
            }
            assertFalse(text.contains("platinum"));
            assertTrue(text.contains("净利润") && text.contains("1,234,567.89") && text.contains("50.0%"));
            assertTrue(text.contains("第 1 页，共 2 页"), "page numbers in Chinese");
            assertEquals(2, pdf.getNumberOfPages(), "the title page and the view's page");
        }
    }

    @Test
    void aLongTableIsCutAtAPagesWorthOfRowsWithItsHeaderOnEveryPage() throws IOException {
        try (PDDocument pdf = pdf("Long", List.of(ExportModels.longTable(500)), Locale.ENGLISH)) {
            assertEquals(3, pdf.getNumberOfPages(), "title page, then the table over two pages");
            String text = new PDFTextStripper().getText(pdf);
            long rows = text.lines().filter(line -> line.matches("C\\d{5} .*")).count();
            assertTrue(rows >= 40 && rows < 100, "a page's worth of rows: " + rows);
            assertTrue(text.contains("First " + rows + " of 500 rows."), text);
            PDFTextStripper lastPage = new PDFTextStripper();
            lastPage.setStartPage(3);
            lastPage.setEndPage(3);
            String last = lastPage.getText(pdf);
            assertTrue(last.contains("Customer Name Tier Net profit"), "the header again on the next page: " + last);
            assertTrue(last.contains("C" + String.format("%05d", rows - 1)), "the rows go on where they stopped");
        }
        try (PDDocument pdf = pdf("Short", List.of(ExportModels.longTable(30)), Locale.ENGLISH)) {
            assertEquals(2, pdf.getNumberOfPages());
            assertFalse(new PDFTextStripper().getText(pdf).contains("rows."), "nothing cut, nothing said");
        }
    }

    @Test
    void englishOnlyPdfsUseHelveticaAndNeedNoChineseFont() throws Exception {
        awaitFont("/nonexistent/fonts/chinese.ttc");
        try {
            try (PDDocument pdf = pdf("Long", List.of(ExportModels.longTable(10)), Locale.ENGLISH)) {
                List<String> fonts = new ArrayList<>();
                for (PDPage page : pdf.getPages()) {
                    for (var name : page.getResources().getFontNames()) {
                        PDFont font = page.getResources().getFont(name);
                        fonts.add(font.getName());
                    }
                }
                assertTrue(fonts.stream().allMatch(name -> name.startsWith("Helvetica")), fonts.toString());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            IOException failure = assertThrows(IOException.class, () -> exporter.pdf("客户", List.of(ExportModels.chinese()),
                    Locale.SIMPLIFIED_CHINESE, out));
            assertTrue(failure.getMessage().contains("fonts-wqy-zenhei") && failure.getMessage().contains("cjkFont")
                    && failure.getMessage().contains("/nonexistent/fonts/chinese.ttc"), failure.getMessage());
            assertEquals(0, out.size(), "nothing written in the PDF's place");
        } finally {
            awaitFont("");
        }
        try (PDDocument pdf = pdf("客户", List.of(ExportModels.chinese()), Locale.SIMPLIFIED_CHINESE)) {
            assertTrue(new PDFTextStripper().getText(pdf).contains("铂金"), "found by searching again");
        }
    }

    @Test
    void theChineseFontCanBeConfigured() throws Exception {
        Path font = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
        assertTrue(Files.isRegularFile(font), "Debian's fonts-wqy-zenhei is not installed (.ci/run installs it)");
        awaitFont(font.toString());
        try (PDDocument pdf = pdf("客户", List.of(ExportModels.chinese()), Locale.SIMPLIFIED_CHINESE)) {
            assertTrue(new PDFTextStripper().getText(pdf).contains("铅质"));
        } finally {
            awaitFont("");
        }
    }

    /** Sets cjkFont (empty: deletes the configuration) and waits until the exporter has it. */
    private static void awaitFont(String path) throws Exception {
        Configuration configuration = Services.get(ConfigurationAdmin.class).getConfiguration("org.moneytree.report.export", "?");
        Semaphore events = new Semaphore(0);
        ServiceListener listener = event -> events.release();
        Services.context().addServiceListener(listener, "(objectClass=" + ViewExporter.class.getName() + ")");
        try {
            if (path.isEmpty()) {
                configuration.delete();
            } else {
                Dictionary<String, Object> properties = new Hashtable<>();
                properties.put("cjkFont", path);
                configuration.update(properties);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!path.equals(configuredFont())) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !events.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    throw new AssertionError("the exporter did not pick up cjkFont=" + path + ": " + configuredFont());
                }
            }
        } finally {
            Services.context().removeServiceListener(listener);
        }
    }

    private static String configuredFont() {
        ServiceReference<ViewExporter> reference = Services.context().getServiceReference(ViewExporter.class);
        Object font = reference == null ? null : reference.getProperty("cjkFont");
        return font == null ? "" : font.toString();
    }

    // ------------------------------------------------------------------------------------------------------

    private static byte[] csv(ViewModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.csv(model, out);
        return out.toByteArray();
    }

    private static String html(ViewModel model, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.html(model, locale, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static PDDocument pdf(String title, List<ViewModel> models, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.pdf(title, models, locale, out);
        return Loader.loadPDF(out.toByteArray());
    }
}
