import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes the Excel test files with fastexcel's writer (org.dhatim:fastexcel, the sibling of the reader the
 * importer uses). Run with the writer on the class path (tests/benchmarks/xlsx-read.sh fetches it):
 *
 * <pre>
 * java -cp fastexcel.jar:opczip.jar GenerateXlsx.java fixtures tests/org.moneytree.core.tests/data
 * java -cp fastexcel.jar:opczip.jar GenerateXlsx.java purchases 1000000 100000 target/purchases.xlsx
 * </pre>
 *
 * The fixtures are committed; regenerate them only when they must change. The workbook with formulas is
 * written as raw SpreadsheetML instead, because fastexcel writes formulas without their cached result and
 * real Excel files always carry one (that result is what the importer reads).
 */
public class GenerateXlsx {

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("fixtures")) {
            Path dir = Path.of(args[1]);
            Files.createDirectories(dir);
            purchasesFixture(dir.resolve("purchases.xlsx"));
            chineseFixture(dir.resolve("purchases-zh.xlsx"));
            formulaFixture(dir.resolve("formula-blank-row.xlsx"));
            emptyFixture(dir.resolve("empty-sheet.xlsx"));
            Files.writeString(dir.resolve("not-really.xlsx"),
                    "customer_id,order_date,quantity,revenue\nC1,2024-01-05,1,10.00\n", StandardCharsets.UTF_8);
            oldExcelLookalikes(dir);
        } else if (args.length == 4 && args[0].equals("purchases")) {
            purchases(Long.parseLong(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
        } else {
            System.err.println("usage: GenerateXlsx fixtures DIR | GenerateXlsx purchases ROWS CUSTOMERS FILE.xlsx");
            System.exit(2);
        }
    }

    /** Real date cells, numbers with float noise, text with stray spaces; a second sheet to choose. */
    private static void purchasesFixture(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "Moneytree", "1.0");
            Worksheet sheet = workbook.newWorksheet("Purchases");
            header(sheet, "customer_id", "order_date", "quantity", "revenue", "product");
            Object[][] rows = {
                { "C001", LocalDate.of(2024, 1, 5), 3, new BigDecimal("12.5"), "Widget" },
                { "C002", LocalDate.of(2024, 2, 29), 1, new BigDecimal("1234567.89"), "  Gadget  " },
                // 0.1 + 0.2 is stored as 0.30000000000000004; Excel shows 0.3.
                { "C003", LocalDateTime.of(2024, 3, 31, 23, 15), 12, 0.1 + 0.2, "茶叶" },
                { 1001, LocalDate.of(1999, 12, 31), 2, -7.25, "Refund" },
            };
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    set(sheet, r + 1, c, rows[r][c]);
                }
            }
            Worksheet notes = workbook.newWorksheet("Notes");
            notes.value(0, 0, "Exported from the shop system");
            workbook.finish();
        }
    }

    /** Chinese headers and sheet name, and the Chinese long date format. */
    private static void chineseFixture(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "Moneytree", "1.0");
            Worksheet sheet = workbook.newWorksheet("销售");
            header(sheet, "客户编号", "日期", "数量", "金额");
            // fastexcel 0.19's writer puts the format code into the XML attribute unescaped, so the quotes of
            // yyyy"年"m"月"d"日" (Excel's Chinese long date) are given escaped.
            String chineseDate = "yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;";
            set(sheet, 1, 0, "客户一");
            set(sheet, 1, 1, LocalDate.of(2024, 6, 18));
            sheet.style(1, 1).format(chineseDate).set();
            set(sheet, 1, 2, 2);
            set(sheet, 1, 3, new BigDecimal("88.80"));
            set(sheet, 2, 0, "客户二");
            set(sheet, 2, 1, LocalDate.of(2024, 11, 11));
            sheet.style(2, 1).format(chineseDate).set();
            set(sheet, 2, 2, 1);
            set(sheet, 2, 3, 1999);
            workbook.finish();
        }
    }

    private static void emptyFixture(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "Moneytree", "1.0");
            workbook.newWorksheet("Sheet1");
            workbook.finish();
        }
    }

    /**
     * Starts of an Excel 97-2003 file and of an encrypted .xlsx: both are OLE2 compound files, and only the
     * encrypted one names a stream "EncryptionInfo" (UTF-16LE) in its directory. These are not complete
     * compound files; they carry what tells the two apart.
     */
    private static void oldExcelLookalikes(Path dir) throws IOException {
        byte[] ole2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
        byte[] xls = new byte[1536];
        System.arraycopy(ole2, 0, xls, 0, ole2.length);
        byte[] workbookName = "Workbook".getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(workbookName, 0, xls, 1024, workbookName.length);
        Files.write(dir.resolve("old-excel.xls.xlsx"), xls);
        byte[] encrypted = xls.clone();
        byte[] infoName = "EncryptionInfo".getBytes(StandardCharsets.UTF_16LE);
        byte[] packageName = "EncryptedPackage".getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(infoName, 0, encrypted, 1024, infoName.length);
        System.arraycopy(packageName, 0, encrypted, 1152, packageName.length);
        Files.write(dir.resolve("encrypted.xlsx"), encrypted);
    }

    /**
     * A formula with its cached result, a blank row between data rows (line numbers must still be Excel's),
     * cells of every type, a date by built-in format 14 (no format string in the file) and a value right of
     * the header.
     */
    private static void formulaFixture(Path file) throws IOException {
        String sheet = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
                <row r="1"><c r="A1" t="inlineStr"><is><t>customer_id</t></is></c><c r="B1" t="inlineStr"><is><t>order_date</t></is></c>\
                <c r="C1" t="inlineStr"><is><t>quantity</t></is></c><c r="D1" t="inlineStr"><is><t>revenue</t></is></c>\
                <c r="E1" t="inlineStr"><is><t>note</t></is></c><c r="F1" t="inlineStr"><is><t>paid</t></is></c></row>\
                <row r="2"><c r="A2" t="inlineStr"><is><t>C1</t></is></c><c r="B2" s="1"><v>45292</v></c><c r="C2"><v>2</v></c>\
                <c r="D2"><v>10.1</v></c><c r="F2" t="b"><v>1</v></c></row>\
                <row r="3"><c r="A3" s="2"/><c r="B3" s="2"/></row>\
                <row r="5"><c r="A5" t="inlineStr"><is><t> C2 </t></is></c><c r="B5" s="1"><v>45293.75</v></c><c r="C5"><v>4</v></c>\
                <c r="D5"><f>D2*3</f><v>30.299999999999997</v></c><c r="E5" t="str"><f>A5&amp;"!"</f><v> C2!</v></c>\
                <c r="F5" t="b"><f>C5&gt;3</f><v>1</v></c></row>\
                <row r="6"><c r="A6" t="inlineStr"><is><t>C3</t></is></c><c r="B6" s="1"><v>45294</v></c><c r="C6"><v>1E+2</v></c>\
                <c r="D6" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="H6"><v>7</v></c></row>\
                <row r="8"><c r="H8" t="inlineStr"><is><t>total</t></is></c></row>\
                </sheetData></worksheet>""";
        String styles = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
                <fills count="1"><fill><patternFill patternType="none"/></fill></fills>\
                <borders count="1"><border/></borders>\
                <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
                <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyFill="1"/></cellXfs>\
                </styleSheet>""";
        String contentTypes = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                </Types>""";
        String rootRels = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>""";
        String workbook = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>""";
        String workbookRels = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                </Relationships>""";
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            entry(zip, "[Content_Types].xml", contentTypes);
            entry(zip, "_rels/.rels", rootRels);
            entry(zip, "xl/workbook.xml", workbook);
            entry(zip, "xl/_rels/workbook.xml.rels", workbookRels);
            entry(zip, "xl/styles.xml", styles);
            entry(zip, "xl/worksheets/sheet1.xml", sheet);
        }
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0); // the same bytes on every run
        zip.putNextEntry(entry);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /**
     * A large sheet like tests/benchmarks/GeneratePurchases.java's CSV: text customer ids (shared strings),
     * real dates, quantities and revenues. Deterministic.
     */
    private static void purchases(long rows, int customers, Path file) throws IOException {
        String[] products = { "Widget", "Gadget", "Gizmo", "茶叶", "Doohickey", "Sprocket", "Thingamajig", "Whatsit" };
        Random random = new Random(42);
        LocalDate start = LocalDate.of(2020, 1, 1);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Workbook workbook = new Workbook(out, "Moneytree", "1.0");
            Worksheet sheet = workbook.newWorksheet("Purchases");
            header(sheet, "customer_id", "order_date", "quantity", "revenue", "product");
            for (long i = 1; i <= rows; i++) {
                int r = (int) i;
                sheet.value(r, 0, "C" + (1 + random.nextInt(customers)));
                sheet.value(r, 1, start.plusDays(random.nextInt(1500)));
                sheet.style(r, 1).format("yyyy-mm-dd").set();
                sheet.value(r, 2, 1 + random.nextInt(5));
                sheet.value(r, 3, BigDecimal.valueOf(100 + random.nextInt(20_000), 2));
                sheet.value(r, 4, products[random.nextInt(products.length)]);
                if (i % 10_000 == 0) {
                    sheet.flush(); // the writer keeps unflushed rows in memory
                }
            }
            workbook.finish();
        }
    }

    private static void header(Worksheet sheet, String... names) {
        for (int c = 0; c < names.length; c++) {
            sheet.value(0, c, names[c]);
        }
    }

    private static void set(Worksheet sheet, int r, int c, Object value) {
        switch (value) {
            case String text -> sheet.value(r, c, text);
            case Number number -> sheet.value(r, c, number);
            case LocalDate date -> {
                sheet.value(r, c, date);
                sheet.style(r, c).format("yyyy-mm-dd").set();
            }
            case LocalDateTime dateTime -> {
                sheet.value(r, c, dateTime);
                sheet.style(r, c).format("yyyy-mm-dd hh:mm").set();
            }
            default -> throw new IllegalArgumentException(value.toString());
        }
    }
}
