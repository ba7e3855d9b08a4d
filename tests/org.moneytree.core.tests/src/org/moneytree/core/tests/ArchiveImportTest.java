package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.moneytree.api.archive.AccountRecord;
import org.moneytree.api.archive.ArchiveRecord;
import org.moneytree.api.archive.Customer;
import org.moneytree.api.archive.CustomerArchive;
import org.moneytree.api.archive.CustomerStatus;
import org.moneytree.api.archive.RecordKind;
import org.moneytree.api.archive.ServiceActivity;
import org.moneytree.api.exports.ArchiveExporter;
import org.moneytree.api.exports.ExportFormat;
import org.moneytree.api.exports.ExportReport;
import org.moneytree.api.exports.ExportSettings;
import org.moneytree.api.imports.ArchiveImporter;
import org.moneytree.api.imports.ImportProgress;
import org.moneytree.api.imports.ImportReport;
import org.moneytree.api.imports.ImportSettings;
import org.moneytree.api.imports.InputProblem;
import org.moneytree.api.purchase.Purchase;
import org.moneytree.api.purchase.PurchaseStore;
import org.moneytree.api.purchase.StoreResult;

/** Imports and exports of every kind of archive record, through the importer and exporter services. */
class ArchiveImportTest {

    private static final Path ARCHIVE = Path.of(System.getProperty("moneytree.examples", "../../examples/data"))
            .resolve("archive");

    private final ArchiveImporter importer = Services.get(ArchiveImporter.class);
    private final ArchiveExporter exporter = Services.get(ArchiveExporter.class);
    private final CustomerArchive archive = Services.get(CustomerArchive.class);
    private final PurchaseStore purchases = Services.get(PurchaseStore.class);
    private final String dataset = "archive-import-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path folder;

    private ImportReport importFile(Path file, RecordKind kind) {
        return importer.importFile(file, dataset, kind, ImportSettings.defaults(), ImportProgress.NONE);
    }

    private Path write(String name, String text, Charset charset) throws IOException {
        return Files.writeString(folder.resolve(name), text, charset);
    }

    private void importExample() {
        for (RecordKind kind : RecordKind.values()) {
            ImportReport report = importFile(ARCHIVE.resolve(kind.id() + ".csv"), kind);
            assertTrue(report.committed(), kind + ": " + report.problems());
        }
    }

    @Test
    void theExampleArchiveImportsCompletelyAndAgainWithoutChange() {
        importExample();
        assertEquals(10, archive.customers(dataset).size());
        assertEquals(25, archive.count(dataset, ServiceActivity.class));
        assertEquals(19, purchases.purchaseCount(dataset));
        assertEquals(List.of("G100", "S101", "S102"), archive.group(dataset, "G100"));

        AccountRecord account = archive.account(dataset, "S101").orElseThrow();
        assertEquals("上海办公用品有限公司", account.customer().name());
        assertEquals(List.of("王芳", "陈静"), account.customer().accountTeam());
        assertEquals(2, account.contacts().size());
        assertEquals(2, account.expectations().size());
        assertEquals("48 小时内送达", account.currentExpectations().get(0).text());
        assertEquals(0, account.activityTotals().get("delivery").compareTo(java.math.BigDecimal.valueOf(13)));

        for (RecordKind kind : RecordKind.values()) {
            StoreResult again = importFile(ARCHIVE.resolve(kind.id() + ".csv"), kind).stored();
            assertEquals(again.received(), again.unchanged(), kind + " re-imported: " + again);
        }
    }

    @Test
    void chineseHeadersAreKnownAndGb18030IsReadWhenGiven() throws IOException {
        Path file = write("客户.csv", "客户编号,客户名称,行业,地区,上级客户,首次接触,状态,客户经理,客户团队\n"
                + "C1,广州电子有限公司,电子,华南,,2020-01-01,活跃,李娜,李娜、张伟\n"
                + "C2,佛山工厂,电子,华南,C1,20210315,休眠,张伟,\n", Charset.forName("GB18030"));
        ImportSettings gb = new ImportSettings(Charset.forName("GB18030"), List.of(), '.', Map.of(), false, false, null);
        ImportReport report = importer.importFile(file, dataset, RecordKind.CUSTOMERS, gb, ImportProgress.NONE);
        assertEquals(new StoreResult(dataset, 2, 2, 0, 0), report.stored(), report.problems().toString());
        Customer c2 = archive.customer(dataset, "C2").orElseThrow();
        assertEquals("佛山工厂", c2.name());
        assertEquals(CustomerStatus.DORMANT, c2.status());
        assertEquals(java.time.LocalDate.parse("2021-03-15"), c2.firstContact());
        assertEquals(List.of("李娜", "张伟"), archive.customer(dataset, "C1").orElseThrow().accountTeam());
    }

    @Test
    void anActivityOfAnUnknownCustomerIsRefusedWithItsLineAndNothingIsStored() throws IOException {
        importFile(ARCHIVE.resolve("customers.csv"), RecordKind.CUSTOMERS);
        Path file = write("activities.csv", "customer_id,activity_date,activity_type,quantity\n"
                + "A200,2024-01-01,visit,1\n"
                + "NOPE,2024-01-02,visit,1\n"
                + "A201,2024-01-03,Support Hour,-2\n"
                + "A201,2024-01-04,rush/order,1\n", StandardCharsets.UTF_8);
        ImportReport report = importFile(file, RecordKind.ACTIVITIES);
        assertNull(report.stored());
        String name = file.toString();
        assertEquals(List.of(
                new InputProblem(name, 3, "customer_id", "customer 'NOPE' is not in dataset '" + dataset
                        + "'; import the customers first (moneytree import --kind customers)"),
                new InputProblem(name, 4, "quantity", "'-2' is not allowed; an activity's quantity must be positive"),
                new InputProblem(name, 5, "activity_type", "'rush/order' is no activity type; expected a name of"
                        + " letters, digits and '_', such as visit, delivery or support_hour")),
                report.problems());
        assertEquals(0, archive.count(dataset, ServiceActivity.class));
    }

    @Test
    void aCustomerFileMustNotRepeatAnIdNorNameAnUnknownParent() throws IOException {
        Path file = write("customers.csv", "customer_id,name,parent_id,status\n"
                + "C1,One,,active\n"
                + "C2,Two,C9,active\n"
                + "C1,One again,,active\n"
                + "C3,Three,,sleeping\n", StandardCharsets.UTF_8);
        ImportReport report = importFile(file, RecordKind.CUSTOMERS);
        assertNull(report.stored());
        String name = file.toString();
        assertEquals(List.of(
                new InputProblem(name, 4, "customer_id", "customer 'C1' is on line 2 already; a file gives each"
                        + " customer once"),
                new InputProblem(name, 5, "status", "'sleeping' is no status; expected prospect, active, dormant or"
                        + " lost (潜在, 活跃, 休眠, 流失)"),
                new InputProblem(name, 3, "parent_id", "parent 'C9' is neither in this file nor in dataset '" + dataset
                        + "'; expected the id of a customer")),
                report.problems());
        assertEquals(List.of(), archive.customers(dataset));
    }

    @Test
    void aContractEndingBeforeItStartsIsRefused() throws IOException {
        importFile(ARCHIVE.resolve("customers.csv"), RecordKind.CUSTOMERS);
        Path file = write("contracts.csv", "contract_id,customer_id,start_date,end_date,value\n"
                + "K1,A200,2024-06-01,2024-01-01,100\n", StandardCharsets.UTF_8);
        ImportReport report = importFile(file, RecordKind.CONTRACTS);
        assertEquals(List.of(new InputProblem(file.toString(), 2, "end_date", "2024-01-01 is before the start"
                + " 2024-06-01; expected the last day the contract applies")), report.problems());
    }

    @Test
    void workbooksImportLikeCsvWithExcelRowNumbersInTheProblems() {
        Path data = Path.of(System.getProperty("moneytree.testdata", "data"));
        ImportReport chinese = importer.importFile(data.resolve("purchases-zh.xlsx"), dataset, RecordKind.PURCHASES,
                ImportSettings.defaults(), ImportProgress.NONE);
        assertTrue(chinese.committed(), chinese.problems().toString());
        List<Purchase> stored = new ArrayList<>();
        purchases.forEachPurchase(dataset, stored::add);
        assertTrue(stored.stream().anyMatch(purchase -> purchase.customerId().equals("客户一")
                && purchase.date().equals(java.time.LocalDate.parse("2024-06-18"))
                && purchase.revenue().compareTo(new java.math.BigDecimal("88.8")) == 0), stored.toString());

        Path formulas = data.resolve("formula-blank-row.xlsx");
        ImportReport bad = importer.importFile(formulas, dataset, RecordKind.PURCHASES,
                ImportSettings.defaults().ignoringUnknownColumns(), ImportProgress.NONE);
        assertNull(bad.stored());
        assertEquals(new InputProblem(formulas.toString(), 6, "revenue", "'#DIV/0!' is not a number; expected an"
                + " amount like 12.34"), bad.problems().get(0));

        ImportReport renamed = importer.importFile(data.resolve("not-really.xlsx"), dataset, RecordKind.PURCHASES,
                ImportSettings.defaults(), ImportProgress.NONE);
        assertNull(renamed.stored());
        assertTrue(renamed.problems().get(0).message().startsWith("not an Excel .xlsx workbook"), renamed.problems().toString());
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void anExportImportsBackToTheSameRecords(ExportFormat format) throws IOException {
        importExample();
        String copy = dataset + "-copy";
        for (RecordKind kind : RecordKind.values()) {
            Path file = folder.resolve(kind.id() + "." + format.name().toLowerCase());
            ExportReport exported = exporter.export(dataset, kind, file,
                    new ExportSettings(format, StandardCharsets.UTF_8, false));
            ImportReport back = importer.importFile(file, copy, kind, ImportSettings.defaults(), ImportProgress.NONE);
            assertTrue(back.committed(), kind + " " + format + ": " + back.problems());
            assertEquals(exported.rows(), back.stored().added(), kind + " " + format);
        }
        for (RecordKind kind : RecordKind.values()) {
            assertEquals(records(dataset, kind), records(copy, kind), kind + " " + format);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object> records(String name, RecordKind kind) {
        List<Object> records = new ArrayList<>();
        if (kind == RecordKind.PURCHASES) {
            purchases.forEachPurchase(name, purchase -> records.add(new Purchase(purchase.customerId(), purchase.date(),
                    purchase.orderId(), purchase.product(), purchase.category(),
                    purchase.quantity().stripTrailingZeros(), purchase.revenue(), purchase.costOfGoods())));
        } else {
            archive.forEach(name, (Class<ArchiveRecord>) kind.recordType(), records::add);
        }
        records.sort(java.util.Comparator.comparing(Object::toString));
        return records;
    }
}
