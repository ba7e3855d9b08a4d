package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moneytree.api.purchase.InputProblem;
import org.moneytree.api.purchase.Purchase;
import org.moneytree.api.purchase.PurchaseFileException;
import org.moneytree.api.purchase.PurchaseReader;

/** The purchase reader on the shipped data sets and on bad files. */
class PurchaseReaderTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("moneytree.examples", "../../examples/data"));

    private final PurchaseReader reader = Services.get(PurchaseReader.class);

    @TempDir
    Path folder;

    @Test
    void readsTheCdnowMasterFile() throws Exception {
        List<Purchase> purchases = reader.read(EXAMPLES.resolve("cdnow.txt"));
        assertEquals(69_659, purchases.size());
        assertEquals(23_570, customers(purchases));
        assertEquals(new Purchase("00001", LocalDate.of(1997, 1, 1), new BigDecimal("1"), new BigDecimal("11.77"), null),
                purchases.get(0));
    }

    @Test
    void readsTheCdnowSampleWithItsExtraSampleIdColumn() throws Exception {
        List<Purchase> purchases = reader.read(EXAMPLES.resolve("cdnow_sample.txt"));
        assertEquals(6_919, purchases.size());
        assertEquals(2_357, customers(purchases));
        assertEquals("00004", purchases.get(0).customerId());
        assertEquals(new BigDecimal("29.33"), purchases.get(0).revenue());
    }

    @Test
    void readsTheOnlineRetailCsvByItsExportHeaderNames() throws Exception {
        List<Purchase> purchases = reader.read(EXAMPLES.resolve("online_retail.csv"));
        assertEquals(18_532, purchases.size());
        assertEquals(4_338, customers(purchases));
        Purchase second = purchases.get(1);
        assertEquals("536366", second.orderId());
        assertEquals(new BigDecimal("22.20"), second.revenue(), "float noise in the export is rounded to the cent");
    }

    @Test
    void readsPlainCsvWithByteOrderMarkAndChineseIds() throws Exception {
        Path file = write("bom.csv", "\uFEFFcustomer_id,order_date,revenue,quantity\n客户一,2024-01-02,12.5,3\nc2,20240105,-1,1\n");
        List<Purchase> purchases = reader.read(file);
        assertEquals(List.of(
                new Purchase("客户一", LocalDate.of(2024, 1, 2), new BigDecimal("3"), new BigDecimal("12.50"), null),
                new Purchase("c2", LocalDate.of(2024, 1, 5), new BigDecimal("1"), new BigDecimal("-1.00"), null)),
                purchases);
    }

    @Test
    void everyBadLineIsReportedWithFileLineAndField() throws Exception {
        Path file = write("bad.csv", "customer_id,order_date,revenue\n"
                + "c1,2024-01-02,12.50\n"
                + "c2,2024-13-45,1\n"
                + "c3,2024-01-02,twelve\n"
                + "c4,2024-01-02\n"
                + ",2024-01-02,3\n");
        PurchaseFileException failure = assertThrows(PurchaseFileException.class, () -> reader.read(file));
        assertEquals(List.of(
                new InputProblem(file.toString(), 3, "order_date", "'2024-13-45' is not a date; expected yyyymmdd or yyyy-mm-dd"),
                new InputProblem(file.toString(), 4, "revenue", "'twelve' is not a number; expected an amount like 12.34"),
                new InputProblem(file.toString(), 5, "", "2 fields; expected 3 as in the header"),
                new InputProblem(file.toString(), 6, "customer_id", "empty; expected a customer id")),
                failure.problems());
        assertTrue(failure.getMessage().startsWith(file + ":3: order_date: "), failure.getMessage());
    }

    @Test
    void badCdnowLinesAreReported() throws Exception {
        Path file = write("bad.txt", " 00001 19970101  1   11.77\n 00002 1997011  1   12.00\n 00003 19970102  2\n");
        PurchaseFileException failure = assertThrows(PurchaseFileException.class, () -> reader.read(file));
        assertEquals(2, failure.problems().size());
        assertEquals(2, failure.problems().get(0).line());
        assertEquals("date", failure.problems().get(0).field());
        assertEquals(3, failure.problems().get(1).line());
        assertTrue(failure.problems().get(1).message().contains("3 fields"), failure.problems().get(1).message());
    }

    @Test
    void missingColumnIsNamed() throws Exception {
        Path file = write("nocolumn.csv", "customer_id,revenue\nc1,3\n");
        PurchaseFileException failure = assertThrows(PurchaseFileException.class, () -> reader.read(file));
        assertEquals(1, failure.problems().size());
        assertEquals("order_date", failure.problems().get(0).field());
        assertTrue(failure.problems().get(0).message().contains("no such column"));
    }

    @Test
    void emptyFileHeaderOnlyAndMissingFileAreClearErrors() throws Exception {
        assertProblem(write("empty.csv", ""), "the file is empty");
        assertProblem(write("header.csv", "customer_id,order_date,revenue\n"), "holds no purchases");
        assertProblem(folder.resolve("missing.txt"), "no such file");
    }

    @Test
    void fileThatIsNotUtf8IsRefused() throws Exception {
        Path file = folder.resolve("gbk.csv");
        Files.write(file, "customer_id,order_date,revenue\n客户,2024-01-02,1\n".getBytes(Charset.forName("GB18030")));
        assertProblem(file, "not UTF-8");
    }

    private void assertProblem(Path file, String expected) {
        PurchaseFileException failure = assertThrows(PurchaseFileException.class, () -> reader.read(file));
        assertTrue(failure.problems().get(0).message().contains(expected), failure.problems().toString());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static int customers(List<Purchase> purchases) {
        Set<String> ids = new HashSet<>();
        purchases.forEach(purchase -> ids.add(purchase.customerId()));
        return ids.size();
    }
}
