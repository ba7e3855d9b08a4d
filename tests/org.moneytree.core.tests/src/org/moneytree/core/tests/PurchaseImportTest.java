package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moneytree.api.imports.ImportProgress;
import org.moneytree.api.imports.ImportReport;
import org.moneytree.api.imports.ImportSettings;
import org.moneytree.api.imports.InputProblem;
import org.moneytree.api.archive.RecordKind;
import org.moneytree.api.imports.ArchiveImporter;
import org.moneytree.api.purchase.Purchase;
import org.moneytree.api.purchase.PurchaseStore;
import org.moneytree.api.purchase.StoreResult;

/** Imports of the shipped data sets and of every kind of bad file, through the importer service. */
class PurchaseImportTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("moneytree.examples", "../../examples/data"));

    private final ArchiveImporter importer = Services.get(ArchiveImporter.class);
    private final PurchaseStore store = Services.get(PurchaseStore.class);
    private final String dataset = "import-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path folder;

    private ImportReport importFile(Path file, ImportSettings settings) {
        return importer.importFile(file, dataset, RecordKind.PURCHASES, settings, ImportProgress.NONE);
    }

    private List<Purchase> stored() {
        List<Purchase> purchases = new ArrayList<>();
        store.forEachPurchase(dataset, purchases::add);
        purchases.sort(Comparator.comparing(Purchase::date).thenComparing(Purchase::customerId));
        return purchases;
    }

    @Test
    void theCdnowMasterFileImportsOnceAndOnlyOnce() {
        ImportReport first = importFile(EXAMPLES.resolve("cdnow.txt"), ImportSettings.defaults());
        assertEquals(new StoreResult(dataset, 69_659, 69_659, 0, 0), first.stored(), first.problems().toString());
        assertEquals(69_659, first.rows());
        ImportReport again = importFile(EXAMPLES.resolve("cdnow.txt"), ImportSettings.defaults());
        assertEquals(new StoreResult(dataset, 69_659, 0, 0, 69_659), again.stored());
        assertEquals(69_659, store.purchaseCount(dataset));
        Set<String> customers = new HashSet<>();
        store.forEachPurchase(dataset, purchase -> customers.add(purchase.customerId()));
        assertEquals(23_570, customers.size());
    }

    @Test
    void theCdnowSampleAndTheOnlineRetailExportImport() {
        ImportReport sample = importFile(EXAMPLES.resolve("cdnow_sample.txt"), ImportSettings.defaults());
        assertEquals(6_919, sample.stored().added());
        ImportReport retail = importer.importFile(EXAMPLES.resolve("online_retail.csv"), dataset + "-uk", RecordKind.PURCHASES,
                ImportSettings.defaults(), ImportProgress.NONE);
        assertEquals(18_532, retail.stored().added(), retail.problems().toString());
    }

    @Test
    void progressIsReportedUpToTheWholeFile() throws IOException {
        List<long[]> reports = new ArrayList<>();
        Path file = EXAMPLES.resolve("cdnow_sample.txt");
        importer.importFile(file, dataset, RecordKind.PURCHASES, ImportSettings.defaults(),
                (bytes, total, rows) -> reports.add(new long[] { bytes, total, rows }));
        long[] last = reports.get(reports.size() - 1);
        assertEquals(Files.size(file), last[0]);
        assertEquals(Files.size(file), last[1]);
        assertEquals(6_919, last[2]);
        assertTrue(reports.size() > 1, "progress during the import as well as at its end");
    }

    @Test
    void aFileWithBadRowsStoresNothingAndListsEveryProblem() throws IOException {
        importFile(write("good.csv", "customer_id,order_date,revenue\nc0,2024-01-01,1\n"), ImportSettings.defaults());
        Path file = write("bad.csv", "customer_id,order_date,revenue,quantity\n"
                + "c1,2024-01-02,12.50,1\n"
                + "c2,2024-13-45,1,1\n"
                + "c3,2024-01-02,twelve,1\n"
                + "c4,2024-01-02,1\n"
                + ",2024-01-02,3,1\n"
                + "c6,2024-01-02,5,-2\n");
        ImportReport report = importFile(file, ImportSettings.defaults());
        assertNull(report.stored());
        String name = file.toString();
        assertEquals(List.of(
                new InputProblem(name, 3, "order_date", "'2024-13-45' is not a date; expected yyyy-MM-dd or yyyyMMdd"),
                new InputProblem(name, 4, "revenue", "'twelve' is not a number; expected an amount like 12.34"),
                new InputProblem(name, 5, "", "3 fields; expected 4 as in the header"),
                new InputProblem(name, 6, "customer_id", "empty; expected a customer id"),
                new InputProblem(name, 7, "quantity", "'-2' is negative while revenue is positive; a return needs a"
                        + " negative revenue as well")),
                report.problems());
        assertEquals(5, report.rejected());
        assertEquals(6, report.rows());
        assertEquals(1, store.purchaseCount(dataset), "the earlier import is all there is");
    }

    @Test
    void withLoadValidRowsTheGoodRowsAreStoredAndTheBadOnesWrittenOut() throws IOException {
        Path file = write("mixed.csv", "customer_id,order_date,revenue\nc1,2024-01-02,12.50\nc2,someday,1\nc3,2024-01-03,4\n");
        Path rejects = folder.resolve("rejects.csv");
        ImportSettings settings = new ImportSettings(null, List.of(), '.', Map.of(), false, true, rejects);
        ImportReport report = importFile(file, settings);
        assertEquals(new StoreResult(dataset, 2, 2, 0, 0), report.stored());
        assertEquals(1, report.rejected());
        assertEquals(List.of("line,problems,customer_id,order_date,revenue",
                "3,order_date: 'someday' is not a date; expected yyyy-MM-dd or yyyyMMdd,c2,someday,1"),
                Files.readAllLines(rejects));
    }

    @Test
    void aChineseExportInGb18030WithASavedMappingDayMonthYearDatesAndDecimalCommas() throws IOException {
        Path file = folder.resolve("客户订单.csv");
        try (Writer writer = Files.newBufferedWriter(file, Charset.forName("GB18030"))) {
            writer.write("客户编号;订单日期;金额;数量;备注\n");
            writer.write("客户一;3/1/2024;1.234,50;2;急单\n");
            writer.write("客户二;25/12/2023;-10,00;-1;退货\n");
        }
        ImportSettings settings = new ImportSettings(Charset.forName("GB18030"), List.of("d/M/yyyy"), ',',
                Map.of("客户编号", "customer_id", "订单日期", "order_date", "金额", "revenue", "数量", "quantity",
                        "备注", "-"),
                false, false, null);
        ImportReport report = importFile(file, settings);
        assertEquals(2, report.stored().added(), report.problems().toString());
        assertEquals(List.of(
                new Purchase("客户二", LocalDate.of(2023, 12, 25), new BigDecimal("-1.0000"), new BigDecimal("-10.00")),
                new Purchase("客户一", LocalDate.of(2024, 1, 3), new BigDecimal("2.0000"), new BigDecimal("1234.50"))),
                stored());
    }

    @Test
    void aWrongEncodingIsNamedWithItsLine() throws IOException {
        Path file = folder.resolve("gbk.csv");
        Files.write(file, "customer_id,order_date,revenue\nc1,2024-01-02,1\n客户,2024-01-02,1\n"
                .getBytes(Charset.forName("GB18030")));
        ImportReport report = importFile(file, ImportSettings.defaults());
        assertNull(report.stored());
        InputProblem problem = report.problems().get(0);
        assertEquals(3, problem.line());
        assertTrue(problem.message().contains("not UTF-8 text here; give its encoding, for example --encoding GB18030"),
                problem.toString());
        assertEquals(0, store.purchaseCount(dataset));
    }

    @Test
    void missingAndUnknownColumnsAreNamed() throws IOException {
        ImportReport missing = importFile(write("nocolumn.csv", "customer_id,revenue\nc1,3\n"), ImportSettings.defaults());
        assertEquals("order_date", missing.problems().get(0).field());
        assertTrue(missing.problems().get(0).message().startsWith("missing column"), missing.problems().toString());

        Path extra = write("extra.csv", "customer_id,order_date,revenue,colour\nc1,2024-01-01,3,red\n");
        ImportReport unknown = importFile(extra, ImportSettings.defaults());
        assertNull(unknown.stored());
        assertEquals(new InputProblem(extra.toString(), 1, "colour", "unknown column; map it to one of customer_id,"
                + " order_date, revenue, quantity, order_id, product, category, cost_of_goods, or to '-' to ignore it"),
                unknown.problems().get(0));
        assertEquals(1, importFile(extra, ImportSettings.defaults().ignoringUnknownColumns()).stored().added());
    }

    @Test
    void emptyHeaderOnlyMissingFileAndAHugeLineAreClearErrors() throws IOException {
        assertProblem(write("empty.csv", ""), "the file is empty");
        assertProblem(write("header.csv", "customer_id,order_date,revenue\n"), "holds no purchases");
        assertProblem(folder.resolve("missing.txt"), "no such file");
        Path huge = folder.resolve("huge.csv");
        Files.writeString(huge, "customer_id,order_date,revenue\n" + "x".repeat(10 * 1024 * 1024) + ",2024-01-01,1\n");
        ImportReport report = importFile(huge, ImportSettings.defaults());
        assertNull(report.stored());
        assertEquals(2, report.problems().get(0).line());
        assertEquals("customer_id", report.problems().get(0).field());
        assertTrue(report.problems().get(0).message().startsWith("10485760 characters; expected at most 100"));
        assertEquals(0, store.purchaseCount(dataset));
    }

    private void assertProblem(Path file, String expected) {
        ImportReport report = importFile(file, ImportSettings.defaults());
        assertNull(report.stored());
        assertTrue(report.problems().get(0).message().contains(expected), report.problems().toString());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }
}
