import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.moneytree.analysis.internal.PurchaseScan;
import org.moneytree.analysis.internal.PurchaseTotals;
import org.moneytree.api.profit.AnalysisException;
import org.moneytree.api.profit.Period;
import org.moneytree.api.profit.PeriodLength;
import org.moneytree.api.purchase.Purchase;

/**
 * Checks the analysis's file scan ({@code PurchaseScan}) outside OSGi: tricky files (quotes with commas,
 * line breaks and doubled quotes, CRLF, a byte order mark, blank lines, Chinese headers, rounding half-even,
 * grouped numbers), bad files (each message must name the file, line and field), random files compared line
 * for line with Apache Commons CSV and BigDecimal, files large enough for two threads whose region boundary
 * falls inside a quoted field, and the builder fed with {@link Purchase} records against the file scan.
 * {@code java -cp CLASSES:commons-csv.jar:commons-io.jar PurchaseScanCheck.java [FOLDER]}; prints one line per
 * failed check and ends with {@code N passed, M failed}; exits 1 on a failure.
 */
public final class PurchaseScanCheck {

    private static int passed;
    private static int failed;
    private static Path folder;

    public static void main(String[] args) throws Exception {
        folder = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("scan-check");
        Files.createDirectories(folder);
        trickyFile();
        rounding();
        plainFields();
        datesAndRange();
        strategicAndActiveMonths();
        sumsWithoutBranches();
        lineForms();
        badFiles();
        for (long seed = 1; seed <= 30; seed++) {
            randomFile(seed, 2_000, 1, LocalDate.of(2023, 1, 1), 1_200);
        }
        randomFile(101, 300_000, 2, LocalDate.of(2023, 1, 1), 1_200);
        randomFile(201, 20_000, 2, LocalDate.of(1, 1, 1), 3_600_000); // days over nearly 10,000 years
        boundaryInsideQuotes();
        manyRegions();
        builderAgrees();
        sharesOfCents();
        System.out.println(passed + " passed, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }

    private static void check(boolean ok, String what) {
        if (ok) {
            passed++;
        } else {
            failed++;
            System.out.println("FAILED: " + what);
        }
    }

    private static Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static PurchaseTotals scan(Path file, PeriodLength length, int threads) throws AnalysisException {
        return PurchaseScan.fromFile(file, length, null, null, Set.of(), threads);
    }

    private static long revenue(PurchaseTotals totals, String customer, String period) {
        int c = totals.customerIndex(customer);
        int slot = c < 0 ? -1 : totals.slot(c, Period.parse(period));
        return slot < 0 ? Long.MIN_VALUE : totals.revenueCents(slot);
    }

    private static void trickyFile() throws Exception {
        String text = "\uFEFF\r\n客户编号, 订单日期 ,product,金额,Cost,category\r\n"
                + "A1,2024-01-05,\"Widget, large\",10.00,4.00,x\r\n"
                + "\r\n"
                + "\"A1\",2024-02-05,\"Two\nlines \"\"quoted\"\"\",\"1,234.50\",,x\r\n"
                + "  B2  ,20240305,plain,-3.20,-1.00,\r\n"
                + "A1,2025-01-01,12\" pipe,5,,\n"
                + "B2,2025-06-30,\"\",0.5,0.25,y";
        PurchaseTotals totals = scan(write("tricky.csv", text), PeriodLength.YEAR, 1);
        check(totals.lineCount() == 5, "tricky: 5 lines, got " + totals.lineCount());
        check(totals.customerCount() == 2, "tricky: 2 customers, got " + totals.customerCount());
        check(revenue(totals, "A1", "2024") == 124_450, "tricky: A1 2024 revenue 1244.50, got " + revenue(totals, "A1", "2024"));
        check(revenue(totals, "B2", "2024") == -320, "tricky: B2 2024 revenue -3.20 (trimmed id, yyyyMMdd)");
        check(revenue(totals, "A1", "2025") == 500 && revenue(totals, "B2", "2025") == 50, "tricky: 2025 revenues");
        int a1 = totals.customerIndex("A1");
        int slot = totals.slot(a1, Period.parse("2024"));
        check(totals.costOfGoodsCents(slot) == 400 && totals.revenueWithoutCostCents(slot) == 123_450,
                "tricky: A1 2024 cost 4.00 and revenue without cost 1234.50");
        check(totals.lines(slot) == 2 && totals.returnLines(slot) == 0, "tricky: A1 2024 two lines, no return");
        int b2 = totals.slot(totals.customerIndex("B2"), Period.parse("2024"));
        check(totals.returnLines(b2) == 1, "tricky: B2 2024 one return");
        check(totals.slotFirstPurchase(slot).equals(LocalDate.of(2024, 1, 5))
                && totals.slotLastPurchase(slot).equals(LocalDate.of(2024, 2, 5)), "tricky: first and last day");
        check(totals.firstPurchase(a1).equals(LocalDate.of(2024, 1, 5)), "tricky: A1's first purchase");
        check(totals.periods().equals(List.of(Period.parse("2024"), Period.parse("2025"))), "tricky: periods");
        check(totals.customerIndex("nobody") == -1 && totals.slot(a1, Period.parse("2023")) == -1, "tricky: absent");
    }

    /**
     * One customer-year whose lines mix cost given and not given, a return without cost, and days out of order
     * (first and last day, cost and revenue without cost are added up without branches): each sum on its own.
     */
    private static void sumsWithoutBranches() throws Exception {
        String text = "customer_id,order_date,revenue,cost_of_goods\n"
                + "X,2024-06-15,10.00,6.00\n"
                + "X,2024-01-03,-2.50,\n"
                + "X,2024-12-30,7.25,3.10\n"
                + "X,2024-03-01,1.00,\n"
                + "X,2024-02-10,-0.75,-0.40\n"
                + "Y,2024-05-05,3.00,\n";
        PurchaseTotals totals = scan(write("branch-free.csv", text), PeriodLength.YEAR, 1);
        int x = totals.slot(totals.customerIndex("X"), Period.parse("2024"));
        check(totals.revenueCents(x) == 1_500 && totals.costOfGoodsCents(x) == 870
                && totals.revenueWithoutCostCents(x) == -150, "branch-free: X's revenue 15.00, cost 8.70, without"
                + " cost -1.50, got " + totals.revenueCents(x) + ", " + totals.costOfGoodsCents(x) + ", "
                + totals.revenueWithoutCostCents(x));
        check(totals.lines(x) == 5 && totals.returnLines(x) == 2, "branch-free: X's 5 lines, 2 returns");
        check(totals.slotFirstPurchase(x).equals(LocalDate.of(2024, 1, 3))
                && totals.slotLastPurchase(x).equals(LocalDate.of(2024, 12, 30)), "branch-free: X's first and last day");
        int y = totals.slot(totals.customerIndex("Y"), Period.parse("2024"));
        check(totals.costOfGoodsCents(y) == 0 && totals.revenueWithoutCostCents(y) == 300 && totals.returnLines(y) == 0
                && totals.firstDay(y) == totals.lastDay(y), "branch-free: Y, one line without cost");
    }

    /**
     * Lines at the edges of the buffered lines' short form (ids of one word, amounts of 20 bits) and beyond it,
     * and days further apart than the month table's 179 years, per month.
     */
    private static void lineForms() throws Exception {
        String text = "customer_id,order_date,revenue,cost_of_goods\n"
                + "ABCDEFGH,2024-01-02,5242.87,-5242.87\n" // short
                + "ABCDEFGH,2024-01-03,5242.88,-5242.88\n" // long: both beyond 20 bits
                + "ABCDEFGH,2024-01-31,-5242.88,\n" // short: the smallest revenue, no cost
                + "ABCDEFGHI,2024-01-05,1.00,0.50\n" // long: nine bytes of id
                + "A,0001-01-01,1.00,\n"
                + "A,9999-12-31,2.00,\n"
                + "A,1600-02-29,4.00,\n";
        PurchaseTotals totals = scan(write("line-forms.csv", text), PeriodLength.MONTH, 1);
        int slot = totals.slot(totals.customerIndex("ABCDEFGH"), Period.parse("2024-01"));
        check(slot >= 0 && totals.revenueCents(slot) == 524_287 && totals.costOfGoodsCents(slot) == -1_048_575
                && totals.revenueWithoutCostCents(slot) == -524_288 && totals.lines(slot) == 3
                && totals.returnLines(slot) == 1 && totals.slotFirstPurchase(slot).equals(LocalDate.of(2024, 1, 2))
                && totals.slotLastPurchase(slot).equals(LocalDate.of(2024, 1, 31)), "line forms: amounts at the"
                + " edges of 20 bits");
        check(revenue(totals, "ABCDEFGHI", "2024-01") == 100, "line forms: a nine-byte id");
        check(revenue(totals, "A", "0001-01") == 100 && revenue(totals, "A", "9999-12") == 200
                && revenue(totals, "A", "1600-02") == 400, "line forms: months of days ten thousand years apart");
        check(totals.firstPurchase(totals.customerIndex("A")).equals(LocalDate.of(1, 1, 1)), "line forms: first"
                + " purchase in year 1");
    }

    private static void rounding() throws Exception {
        String[] amounts = { "0.005", "0.015", "0.025", "-0.005", "-0.015", "1.0050001", "2.675", "2.6749999",
            "+7", ".5", "3.", "1e2", "1,000", "123456789012.345" };
        StringBuilder text = new StringBuilder("customer_id,order_date,revenue\n");
        for (int i = 0; i < amounts.length; i++) {
            text.append('C').append(i).append(",2024-01-01,\"").append(amounts[i]).append("\"\n");
        }
        PurchaseTotals totals = scan(write("rounding.csv", text.toString()), PeriodLength.YEAR, 1);
        for (int i = 0; i < amounts.length; i++) {
            String plain = amounts[i].matches("[-+]?\\d{1,3}(,\\d{3})+") ? amounts[i].replace(",", "") : amounts[i];
            long expected = new BigDecimal(plain).setScale(2, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
            check(revenue(totals, "C" + i, "2024") == expected, "rounding " + amounts[i] + ": expected " + expected
                    + ", got " + revenue(totals, "C" + i, "2024"));
        }
    }

    /**
     * Unquoted amounts, ids and dates around the scan's fast paths (an amount of at most eight bytes with two
     * decimals converted eight bytes at a time, an id of at most eight bytes read as one word, dates remembered
     * by their bytes): each against BigDecimal, the loop's cases (one decimal, more, none, a sign) beside them.
     */
    private static void plainFields() throws Exception {
        String[] amounts = { "12345.67", "99999.99", "-9999.99", "-0.01", "0.00", "-0.00", "1.23", "-1.23",
            "123456.78", "-123456.78", "1234.5", "1234.567", "+1.50", "-.50", ".25", "7", " 8.00 ", "00012.30",
            "9.99\r", "2147483647.00", "-21474836.49" };
        String[] ids = { "C", "ABCDEFGH", "ABCDEFGHI", "ABCDEFGHIJKLMNOP", "客户", "客户客", " padded ", "A\"B" };
        StringBuilder text = new StringBuilder("customer_id,order_date,revenue\n");
        for (int i = 0; i < amounts.length; i++) {
            text.append('C').append(i).append(",2024-01-0").append(1 + i % 9).append(',').append(amounts[i])
                    .append('\n');
        }
        for (int i = 0; i < ids.length; i++) {
            text.append(ids[i]).append(",2024-02-").append(10 + i).append(',').append(i + 1).append(".00\n");
        }
        PurchaseTotals totals = scan(write("plain.csv", text.toString()), PeriodLength.YEAR, 1);
        for (int i = 0; i < amounts.length; i++) {
            long expected = cents(amounts[i].strip());
            check(revenue(totals, "C" + i, "2024") == expected, "plain amount '" + amounts[i] + "': expected "
                    + expected + ", got " + revenue(totals, "C" + i, "2024"));
            int slot = totals.slot(totals.customerIndex("C" + i), Period.parse("2024"));
            check(slot >= 0 && totals.firstDay(slot) == LocalDate.of(2024, 1, 1 + i % 9).toEpochDay(),
                    "plain amount '" + amounts[i] + "': its day");
        }
        for (int i = 0; i < ids.length; i++) {
            int customer = totals.customerIndex(ids[i].strip());
            int slot = customer < 0 ? -1 : totals.slot(customer, Period.parse("2024"));
            check(slot >= 0 && totals.revenueCents(slot) == (i + 1) * 100L
                    && totals.firstDay(slot) == LocalDate.of(2024, 2, 10 + i).toEpochDay(), "id '" + ids[i] + "'");
        }
        check(totals.customerCount() == amounts.length + ids.length, "plain: customers");
        // bad amounts and dates of the fast paths' lengths are still reported, after good ones were seen
        expectProblem("customer_id,order_date,revenue\nA,2024-01-31,1.00\nA,2024-02-30,1.00\nA,2024-01-31,1a.00\n"
                + "A,2024-01-31,-1.0-\nA,2024-1-31,1.00\nA,2024-01-31,12.3.45\n", "plain.bad.csv",
                "line 3, field order_date", "line 4, field revenue", "line 5, field revenue",
                "line 6, field order_date", "line 7, field revenue", "5 problems");
    }

    private static void datesAndRange() throws Exception {
        String text = "customer_id,order_date,revenue\nA,2023-12-31,1\nA,2024-01-01,2\nA,2024-03-31,4\nA,2024-04-01,8\n"
                + "B,2024-02-29,16\nA,2025-01-01,32\n";
        Path file = write("range.csv", text);
        PurchaseTotals totals = PurchaseScan.fromFile(file, PeriodLength.QUARTER, LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 1, 1), Set.of(), 1);
        check(totals.lineCount() == 6 && totals.linesInRange() == 4, "range: 6 lines read, 4 in range");
        check(revenue(totals, "A", "2024-Q1") == 600 && revenue(totals, "A", "2024-Q2") == 800
                && revenue(totals, "B", "2024-Q1") == 1600, "range: quarterly sums");
        check(totals.periods().equals(List.of(Period.parse("2024-Q1"), Period.parse("2024-Q2"))), "range: periods "
                + totals.periods());
        check(totals.firstPurchase(totals.customerIndex("A")).equals(LocalDate.of(2023, 12, 31)),
                "range: first purchase counts lines before the range");
        PurchaseTotals monthly = scan(file, PeriodLength.MONTH, 1);
        check(revenue(monthly, "B", "2024-02") == 1600 && monthly.periods().size() == 6, "range: monthly");
        expectProblem("customer_id,order_date,revenue\nA,2023-02-29,1\n", "range.bad.csv", "line 2, field order_date");
    }

    private static void strategicAndActiveMonths() throws Exception {
        String text = "customer_id,order_date,revenue,category\nA,2024-01-10,10,Service\nA,2024-01-20,5,hardware\n"
                + "A,2024-03-01,1, SERVICE \nA,2021-06-01,1,x\nA,2024-12-31,1,\n";
        PurchaseTotals totals = PurchaseScan.fromFile(write("strategic.csv", text), PeriodLength.YEAR, null, null,
                Set.of("service"), 1);
        int a = totals.customerIndex("A");
        int slot = totals.slot(a, Period.parse("2024"));
        check(totals.strategicRevenueCents(slot) == 1100, "strategic: 11.00, got " + totals.strategicRevenueCents(slot));
        check(totals.activeMonths(a, YearMonth.of(2024, 12)) == 3, "active months 2024: 3, got "
                + totals.activeMonths(a, YearMonth.of(2024, 12)));
        check(totals.activeMonths(a, YearMonth.of(2021, 12)) == 1, "active months 2021 (outside the window): 1");
        check(totals.activeMonths(a, YearMonth.of(2024, 2)) == 1, "active months to 2024-02: 1");
    }

    /** The cost model's share of revenue without cost of goods, in integers, against BigDecimal. */
    private static void sharesOfCents() throws Exception {
        java.lang.reflect.Method share = Class.forName("org.moneytree.analysis.internal.Cents")
                .getDeclaredMethod("share", long.class, BigDecimal.class);
        share.setAccessible(true);
        String[] shares = { "0.62", "0.5", "1", "0", "0.333333333", "0.1234567891", "1.0", "0.05", "0.999999999",
            "0.6", "0.12345678901234", "0.125" };
        SplittableRandom random = new SplittableRandom(7);
        int wrong = 0;
        for (int i = 0; i < 500_000; i++) {
            BigDecimal fraction = new BigDecimal(shares[i % shares.length]);
            long cents = i < 2_000 ? i - 1_000 : random.nextBoolean() ? random.nextLong(-1_000_000, 1_000_000)
                    : random.nextLong(-(1L << 40), 1L << 40);
            long expected = BigDecimal.valueOf(cents, 2).multiply(fraction).setScale(2, RoundingMode.HALF_EVEN)
                    .movePointRight(2).longValueExact();
            if ((long) share.invoke(null, cents, fraction) != expected && wrong++ < 5) {
                System.out.println("share of " + cents + " cents at " + fraction + ": expected " + expected);
            }
        }
        check(wrong == 0, "shares of cents agree with BigDecimal (" + wrong + " differ)");
    }

    private static void expectProblem(String text, String name, String... expected) throws IOException {
        try {
            scan(write(name, text), PeriodLength.YEAR, 1);
            check(false, name + ": expected a problem");
        } catch (AnalysisException e) {
            boolean all = true;
            for (String part : expected) {
                all &= e.getMessage().contains(part);
            }
            check(all && e.getMessage().contains(name), name + ": message should name " + List.of(expected) + ":\n"
                    + e.getMessage());
        }
    }

    private static void badFiles() throws Exception {
        expectProblem("", "empty.csv", "is empty");
        expectProblem("customer,amount\nA,1\n", "header.csv", "order_date", "found [customer, amount]");
        expectProblem("customer_id,order_date,revenue\nA,2024-01-01,abc\nB,2024-13-01,1\nC,2024-01-01\n,2024-01-01,1\n",
                "bad.csv", "bad.csv line 2, field revenue: expected a decimal number like 12.50, found 'abc'",
                "line 3, field order_date", "line 4: 2 fields; expected 3", "line 5, field customer_id: empty",
                "4 problems");
        expectProblem("customer_id,order_date,revenue\nA,2024-01-01,\"1\n", "unclosed.csv", "line 2",
                "never closed");
        StringBuilder many = new StringBuilder("customer_id,order_date,revenue\n");
        for (int i = 0; i < 50; i++) {
            many.append("A,2024-01-01,x").append(i).append('\n');
        }
        expectProblem(many.toString(), "many.csv", "50 problems", "... and 30 more", "line 21,");
        Path latin1 = folder.resolve("latin1.csv");
        Files.write(latin1, "customer_id,order_date,revenue\nM\u00fcller,2024-01-01,1\n".getBytes(StandardCharsets.ISO_8859_1));
        try {
            scan(latin1, PeriodLength.YEAR, 1);
            check(false, "latin1: expected a problem");
        } catch (AnalysisException e) {
            check(e.getMessage().contains("line 2, field customer_id: not UTF-8"), "latin1: " + e.getMessage());
        }
        try {
            scan(folder.resolve("missing.csv"), PeriodLength.YEAR, 1);
            check(false, "missing file: expected a problem");
        } catch (AnalysisException e) {
            check(e.getMessage().contains("missing.csv"), "missing file: " + e.getMessage());
        }
    }

    /**
     * A random file with quoting and CRLF here and there, days from {@code firstDay} on, scanned and compared
     * with Commons CSV.
     */
    private static void randomFile(long seed, int lines, int threads, LocalDate firstDay, int days)
            throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder("order_id,Customer ID,order_date,product,revenue,cost_of_goods\n");
        for (int i = 0; i < lines; i++) {
            String customer = random.nextInt(20) == 0 ? "客户" + random.nextInt(50) : "C" + random.nextInt(lines / 3 + 1);
            if (random.nextInt(30) == 0) {
                customer = "\"" + customer + "\"";
            }
            String product = switch (random.nextInt(40)) {
                case 0 -> "\"with, comma\"";
                case 1 -> "\"two\nlines\"";
                case 2 -> "\"say \"\"hi\"\"\"";
                case 3 -> "12\" inch";
                default -> "P" + random.nextInt(100);
            };
            long cents = random.nextLong(2_000_000) - 100_000;
            String amount = BigDecimal.valueOf(cents, 2).toPlainString();
            if (random.nextInt(25) == 0) {
                amount = BigDecimal.valueOf(cents * 10 + random.nextInt(10), 3).toPlainString();
            }
            String cost = random.nextInt(8) == 0 ? "" : BigDecimal.valueOf(random.nextLong(100_000), 2).toPlainString();
            LocalDate day = firstDay.plusDays(random.nextInt(days));
            text.append(i).append(',').append(customer).append(',').append(day).append(',').append(product)
                    .append(',').append(amount).append(',').append(cost).append(random.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        Path file = write("random-" + seed + ".csv", text.toString());
        for (PeriodLength length : PeriodLength.values()) {
            PurchaseTotals ours = scan(file, length, threads);
            Map<String, long[]> expected = reference(text.toString(), length);
            check(compare(ours, expected), "random file " + seed + " (" + lines + " lines, " + threads + " threads, "
                    + length.id() + ") agrees with Commons CSV");
            // the same totals renumbered (as the analysis does, by id) hold the same sums and months per customer
            int[] reversed = new int[ours.customerCount()];
            for (int customer = 0; customer < reversed.length; customer++) {
                reversed[customer] = reversed.length - 1 - customer;
            }
            PurchaseTotals renumbered = ours.inOrder(reversed, threads);
            boolean sameMonths = renumbered.customerCount() == ours.customerCount();
            for (int customer = 0; sameMonths && customer < reversed.length; customer++) {
                int old = reversed[customer];
                sameMonths = renumbered.customerId(customer).equals(ours.customerId(old))
                        && renumbered.firstPurchaseDay(customer) == ours.firstPurchaseDay(old);
                for (int month = 0; sameMonths && month < 40; month += 7) {
                    YearMonth last = YearMonth.from(firstDay).plusMonths(month);
                    sameMonths = renumbered.activeMonths(customer, last) == ours.activeMonths(old, last);
                }
            }
            check(compare(renumbered, expected) && sameMonths, "random file " + seed + " renumbered ("
                    + length.id() + ") agrees with Commons CSV and keeps each customer's months");
        }
    }

    /** Per "customer|period": revenue, cost, revenue without cost, lines, returns, first day, last day. */
    private static Map<String, long[]> reference(String text, PeriodLength length) throws IOException {
        Map<String, long[]> sums = new TreeMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                LocalDate day = LocalDate.parse(record.get(2));
                long revenue = cents(record.get(4));
                String costText = record.get(5);
                long[] sum = sums.computeIfAbsent(record.get(1) + "|" + Period.containing(length, day).id(),
                        key -> new long[] { 0, 0, 0, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE });
                sum[0] += revenue;
                if (costText.isEmpty()) {
                    sum[2] += revenue;
                } else {
                    sum[1] += cents(costText);
                }
                sum[3]++;
                sum[4] += revenue < 0 ? 1 : 0;
                sum[5] = Math.min(sum[5], day.toEpochDay());
                sum[6] = Math.max(sum[6], day.toEpochDay());
            }
        }
        return sums;
    }

    private static long cents(String amount) {
        return new BigDecimal(amount).setScale(2, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    private static boolean compare(PurchaseTotals ours, Map<String, long[]> expected) {
        Map<String, long[]> mine = new HashMap<>();
        for (int slot = 0; slot < ours.slotCount(); slot++) {
            mine.put(ours.customerId(ours.slotCustomer(slot)) + "|" + ours.slotPeriod(slot).id(), new long[] {
                ours.revenueCents(slot), ours.costOfGoodsCents(slot), ours.revenueWithoutCostCents(slot),
                ours.lines(slot), ours.returnLines(slot), ours.firstDay(slot), ours.lastDay(slot) });
        }
        if (mine.size() != expected.size()) {
            System.out.println("  " + mine.size() + " customer periods; expected " + expected.size());
            return false;
        }
        for (Map.Entry<String, long[]> entry : expected.entrySet()) {
            if (!java.util.Arrays.equals(entry.getValue(), mine.get(entry.getKey()))) {
                System.out.println("  " + entry.getKey() + ": " + java.util.Arrays.toString(mine.get(entry.getKey()))
                        + "; expected " + java.util.Arrays.toString(entry.getValue()));
                return false;
            }
        }
        return true;
    }

    /**
     * Two threads split a file near its middle at a line break; here the line breaks around the middle all lie
     * inside one long quoted field, so the second thread's guess is wrong and the rest must be read again.
     */
    private static void boundaryInsideQuotes() throws Exception {
        StringBuilder text = new StringBuilder("customer_id,order_date,note,revenue\n");
        int lines = 0;
        while (text.length() < 5_000_000) {
            text.append("C").append(lines % 1000).append(",2024-05-01,plain,1.00\n");
            lines++;
        }
        text.append("Q,2024-05-02,\"");
        while (text.length() < 13_000_000) {
            text.append("inside a quoted field, C1,2024-05-01,x,1000.00\n");
        }
        text.append("\",7.00\n");
        int lineOfBadRow = text.toString().split("\n", -1).length;
        text.append("Z,2024-05-03,after,2.00\n");
        Path file = write("boundary.csv", text.toString());
        PurchaseTotals one = scan(file, PeriodLength.YEAR, 1);
        PurchaseTotals two = scan(file, PeriodLength.YEAR, 2);
        check(one.lineCount() == lines + 2 && two.lineCount() == lines + 2, "boundary: line counts " + one.lineCount()
                + " and " + two.lineCount() + ", expected " + (lines + 2));
        check(revenue(two, "Q", "2024") == 700 && revenue(two, "C1", "2024") == revenue(one, "C1", "2024")
                && revenue(two, "Z", "2024") == 200, "boundary: two threads agree with one");
        text.append("Y,2024-05-03,after,oops\n");
        try {
            scan(write("boundary-bad.csv", text.toString()), PeriodLength.YEAR, 2);
            check(false, "boundary-bad: expected a problem");
        } catch (AnalysisException e) {
            check(e.getMessage().contains("line " + (lineOfBadRow + 1) + ", field revenue"),
                    "boundary-bad: line number after a multi-line field with two threads: " + e.getMessage());
        }
    }

    /**
     * A file of more regions than threads (regions of 16 MB, taken by the threads in turn), with a quoted field
     * over two region boundaries: two threads give the same customers in the same order as one, and a problem's
     * line number after the field.
     */
    private static void manyRegions() throws Exception {
        StringBuilder text = new StringBuilder("customer_id,order_date,note,revenue\n");
        int lines = 0;
        while (text.length() < 70_000_000) {
            text.append("C").append(lines * 7919 % 5000).append(",2024-0").append(lines % 9 + 1).append("-1")
                    .append(lines % 10).append(",plain,").append(lines % 500).append('.').append(lines % 90 + 10)
                    .append('\n');
            lines++;
            if (text.length() > 10_000_000 && text.length() < 10_000_100) {
                text.append("Q,2024-05-02,\"");
                while (text.length() < 45_000_000) {
                    text.append("inside a quoted field, C1,2024-05-01,x,1000.00\n");
                }
                text.append("\",7.00\n");
                lines++;
            }
        }
        Path file = write("regions.csv", text.toString());
        PurchaseTotals one = scan(file, PeriodLength.MONTH, 1);
        PurchaseTotals two = scan(file, PeriodLength.MONTH, 2);
        boolean same = one.lineCount() == lines && two.lineCount() == lines
                && one.customerCount() == two.customerCount() && one.slotCount() == two.slotCount();
        for (int slot = 0; same && slot < one.slotCount(); slot++) {
            same = one.customerId(one.slotCustomer(slot)).equals(two.customerId(two.slotCustomer(slot)))
                    && one.revenueCents(slot) == two.revenueCents(slot) && one.lines(slot) == two.lines(slot)
                    && one.firstDay(slot) == two.firstDay(slot) && one.lastDay(slot) == two.lastDay(slot);
        }
        check(same && revenue(two, "Q", "2024-05") == 700, "regions: two threads over " + (text.length() >> 20)
                + " MB give the same customers in the same order as one");
        int lineOfBadRow = text.toString().split("\n", -1).length;
        text.append("Y,2024-05-03,after,oops\n");
        try {
            scan(write("regions-bad.csv", text.toString()), PeriodLength.YEAR, 2);
            check(false, "regions-bad: expected a problem");
        } catch (AnalysisException e) {
            check(e.getMessage().contains("line " + lineOfBadRow + ", field revenue"),
                    "regions-bad: line number with two threads over many regions: " + e.getMessage());
        }
    }

    private static void builderAgrees() throws Exception {
        Path file = folder.resolve("random-101.csv");
        PurchaseTotals scanned = PurchaseScan.fromFile(file, PeriodLength.MONTH, LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 7, 1), Set.of(), 2);
        List<Purchase> purchases = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(Files.newBufferedReader(file)).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                purchases.add(new Purchase(record.get(1), LocalDate.parse(record.get(2)), null, record.get(3), null,
                        BigDecimal.ONE, new BigDecimal(record.get(4)),
                        record.get(5).isEmpty() ? null : new BigDecimal(record.get(5))));
            }
        }
        PurchaseTotals built = PurchaseScan.fromPurchases(sink -> purchases.forEach(sink), PeriodLength.MONTH,
                LocalDate.of(2024, 1, 1), LocalDate.of(2025, 7, 1), Set.of());
        Map<String, long[]> expected = new HashMap<>();
        for (int slot = 0; slot < scanned.slotCount(); slot++) {
            expected.put(scanned.customerId(scanned.slotCustomer(slot)) + "|" + scanned.slotPeriod(slot).id(),
                    new long[] { scanned.revenueCents(slot), scanned.costOfGoodsCents(slot),
                        scanned.revenueWithoutCostCents(slot), scanned.lines(slot), scanned.returnLines(slot),
                        scanned.firstDay(slot), scanned.lastDay(slot) });
        }
        check(compare(built, expected), "builder fed with purchases agrees with the file scan");
        boolean months = true;
        for (int c = 0; c < built.customerCount(); c++) {
            int s = scanned.customerIndex(built.customerId(c));
            months &= built.activeMonths(c, YearMonth.of(2025, 6)) == scanned.activeMonths(s, YearMonth.of(2025, 6))
                    && built.firstPurchase(c).equals(scanned.firstPurchase(s));
        }
        check(months && built.customerCount() == scanned.customerCount(), "builder: customers, first purchases and"
                + " active months agree");
    }
}
