package org.moneytree.e2e.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The key-account archive through the command line of the built product: every kind of record imported
 * from the shipped example, an account looked at in Chinese, bad archive files refused with their line, and
 * exports that import back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArchiveCommandLineTest {

    private static final Path ARCHIVE = Path.of(System.getProperty("moneytree.examples")).resolve("archive");
    private static final List<String> KINDS = List.of("customers", "contacts", "activities", "contracts",
            "interactions", "expectations", "purchases");

    private static MoneytreeProduct product;

    @BeforeAll
    static void copyTheBuiltProduct() throws Exception {
        product = new MoneytreeProduct(Path.of(System.getProperty("moneytree.product")),
                Path.of(System.getProperty("moneytree.scratch") + "-archive"));
    }

    @Test
    @Order(1)
    void theExampleArchiveImportsKindByKind() throws Exception {
        for (String kind : KINDS) {
            MoneytreeProduct.Run run = product.run("import", ARCHIVE.resolve(kind + ".csv").toString(), "--dataset",
                    "demo", "--kind", kind);
            assertEquals(0, run.exitCode(), kind + ": " + run);
            assertTrue(run.out().contains(" 0 updated, 0 unchanged, 0 rejected; dataset demo."), run.out());
        }
        MoneytreeProduct.Run group = product.run("customers", "--dataset", "demo", "--group", "G100");
        assertEquals(0, group.exitCode(), group.toString());
        assertTrue(group.out().contains("上海办公用品有限公司"), group.out());
        assertTrue(group.out().contains("3 customers"), group.out());
    }

    @Test
    @Order(2)
    void anAccountShowsItsWholeRecordInChinese() throws Exception {
        MoneytreeProduct.Run run = product.run("account", "S101", "--dataset", "demo", "--lang", "zh");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("上海办公用品有限公司 (S101)"), run.out());
        assertTrue(run.out().contains("上级客户: G100"), run.out());
        assertTrue(run.out().contains("客户团队: 王芳, 陈静"), run.out());
        assertTrue(run.out().matches("(?s).*delivery\\s+13.*"), run.out());
        assertTrue(run.out().matches("(?s).*交货\\s+2022-05-01\\s+五个工作日内送达.*"), run.out());
        assertTrue(run.out().matches("(?s).*交货\\s+2024-03-26\\s+48 小时内送达\\s+当前.*"), run.out());

        MoneytreeProduct.Run unknown = product.run("account", "X1", "--dataset", "demo");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertEquals("moneytree: no customer X1 in dataset demo", unknown.err().strip());
    }

    @Test
    @Order(3)
    void anActivityForAnUnknownCustomerIsRefusedWithItsLineAndChangesNothing() throws Exception {
        Path bad = product.workingDirectory().resolve("activities.csv");
        Files.writeString(bad, "customer_id,activity_date,activity_type,quantity\n"
                + "S101,2024-06-01,visit,1\n"
                + "Z999,2024-06-02,visit,1\n", StandardCharsets.UTF_8);
        MoneytreeProduct.Run run = product.run("import", bad.toString(), "--dataset", "demo", "--kind", "activities");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains(bad + ":3: customer_id: customer 'Z999' is not in dataset 'demo'; import the"
                + " customers first"), run.err());
        MoneytreeProduct.Run again = product.run("import", ARCHIVE.resolve("activities.csv").toString(), "--dataset",
                "demo", "--kind", "activities");
        assertTrue(again.out().contains("Read 25 rows from"), again.out());
        assertTrue(again.out().contains("0 new, 0 updated, 25 unchanged"), again.out());
    }

    @Test
    @Order(4)
    void exportsImportBackIntoAnotherDataset() throws Exception {
        // Every kind in both formats round-trips in the in-framework ArchiveImportTest; here the commands.
        for (String[] export : List.of(new String[] { "customers", "xlsx" }, new String[] { "activities", "csv" })) {
            Path file = product.workingDirectory().resolve(export[0] + "." + export[1]);
            MoneytreeProduct.Run written = product.run("export", export[0], "--dataset", "demo", "-o", file.toString());
            assertEquals(0, written.exitCode(), written.toString());
            assertTrue(written.out().startsWith("Wrote "), written.out());
            MoneytreeProduct.Run back = product.run("import", file.toString(), "--dataset", "copy", "--kind", export[0]);
            assertEquals(0, back.exitCode(), export[0] + " " + export[1] + ": " + back);
            assertTrue(back.out().contains(" 0 updated, 0 unchanged, 0 rejected"), back.out());
        }
        MoneytreeProduct.Run csv = product.run("export", "customers", "--dataset", "demo", "-o",
                product.workingDirectory().resolve("customers.csv").toString());
        assertEquals(0, csv.exitCode(), csv.toString());
        String header = Files.readAllLines(product.workingDirectory().resolve("customers.csv")).get(0);
        assertEquals("customer_id,name,industry,region,parent_id,first_contact,status,owner,account_team", header);
        MoneytreeProduct.Run noDataset = product.run("export", "customers", "--dataset", "nope", "-o", "x.csv");
        assertEquals(2, noDataset.exitCode(), noDataset.toString());
    }
}
