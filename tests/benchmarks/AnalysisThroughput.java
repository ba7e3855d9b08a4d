import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.moneytree.analysis.internal.PurchaseScan;
import org.moneytree.analysis.internal.PurchaseTotals;
import org.moneytree.api.profit.PeriodLength;

/**
 * The analysis's aggregation against its peers on one purchase file, in one JVM: Moneytree's
 * {@code PurchaseScan.fromFile} (per customer and year, 1 and 2 threads), DuckDB over JDBC ({@code SET threads}
 * to 2, {@code read_csv} and GROUP BY into a temporary table) and Apache Commons CSV with {@code BigDecimal} and
 * a {@code HashMap} (the library the importer uses). Then checks that all three agree to the cent per customer
 * and year: revenue, cost of goods, revenue without cost of goods, lines, returns, first and last day.
 *
 * <p>{@code java -Xmx2g -Xms2g -XX:+UseParallelGC -cp CLASSES:duckdb_jdbc.jar:commons-csv.jar AnalysisThroughput.java FILE [RUNS]}; see
 * analysis-throughput.sh, which builds the class path. Prints one line per run: wall time, lines per second and
 * peak heap (the JVM's heap pools' peak since the run began; DuckDB's memory is native and not in it), then
 * the process's peak RSS, the totals and the comparison. Exits 1 when the results disagree.
 */
public final class AnalysisThroughput {

    private static final String DUCKDB_COLUMNS = "{'order_id': 'VARCHAR', 'customer_id': 'VARCHAR',"
            + " 'order_date': 'DATE', 'product': 'VARCHAR', 'category': 'VARCHAR', 'quantity': 'INTEGER',"
            + " 'revenue': 'DECIMAL(18,2)', 'cost_of_goods': 'DECIMAL(18,2)'}";

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long lines = countLines(file);
        System.out.printf("file %s: %,d bytes, %,d data lines; heap max %,d MB; %d processors%n", file,
                Files.size(file), lines, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());

        // Ours, 1 and 2 threads: the first run (cold JIT) and the best of the next runs.
        PurchaseTotals ours = null;
        double[] oursBest = new double[3];
        double[] oursFirst = new double[3];
        for (int threads : new int[] { 2, 1 }) {
            Timed<PurchaseTotals> first = time(() -> PurchaseScan.fromFile(file, PeriodLength.YEAR, null, null,
                    Set.of(), threads));
            Timed<PurchaseTotals> best = first;
            for (int run = 0; run < runs; run++) {
                Timed<PurchaseTotals> next = time(() -> PurchaseScan.fromFile(file, PeriodLength.YEAR, null, null,
                        Set.of(), threads));
                best = next.seconds < best.seconds ? next : best;
            }
            report("moneytree PurchaseScan, " + threads + (threads == 1 ? " thread" : " threads") + ", first run",
                    first, lines);
            report("moneytree PurchaseScan, " + threads + (threads == 1 ? " thread" : " threads") + ", best of "
                    + (runs + 1), best, lines);
            oursBest[threads] = best.seconds;
            oursFirst[threads] = first.seconds;
            ours = best.value;
        }
        System.out.println("  " + ours);
        if (Boolean.getBoolean("bench.monthly")) {
            Timed<PurchaseTotals> monthly = time(() -> PurchaseScan.fromFile(file, PeriodLength.MONTH, null, null,
                    Set.of(), 2));
            report("moneytree PurchaseScan, monthly, 2 threads", monthly, lines);
            System.out.println("  " + monthly.value);
            monthly = null;
        }
        System.gc();

        // DuckDB over JDBC, 2 threads: aggregated into a temporary table (timed), then fetched (timed apart).
        Class.forName("org.duckdb.DuckDBDriver");
        Map<String, long[]> duck = new HashMap<>();
        double duckBest;
        double duckFirst;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("SET threads = 2");
            String aggregate = "CREATE OR REPLACE TEMP TABLE totals AS SELECT customer_id, year(order_date) AS year,"
                    + " sum(revenue) AS revenue, sum(cost_of_goods) AS cost_of_goods,"
                    + " sum(revenue) FILTER (WHERE cost_of_goods IS NULL) AS revenue_without_cost,"
                    + " count(*) AS lines, count(*) FILTER (WHERE revenue < 0) AS returns,"
                    + " min(order_date) AS first_day, max(order_date) AS last_day"
                    + " FROM read_csv('" + file.toAbsolutePath().toString().replace("'", "''")
                    + "', header = true, delim = ',', quote = '\"', escape = '\"', columns = " + DUCKDB_COLUMNS + ") GROUP BY ALL";
            Timed<Object> first = time(() -> statement.execute(aggregate));
            Timed<Object> best = first;
            for (int run = 0; run < runs; run++) {
                Timed<Object> next = time(() -> statement.execute(aggregate));
                best = next.seconds < best.seconds ? next : best;
            }
            report("DuckDB JDBC read_csv + GROUP BY, 2 threads, first run", first, lines);
            report("DuckDB JDBC read_csv + GROUP BY, 2 threads, best of " + (runs + 1), best, lines);
            duckBest = best.seconds;
            duckFirst = first.seconds;
            Timed<Object> fetch = time(() -> {
                try (ResultSet rows = statement.executeQuery("SELECT customer_id, year, revenue, cost_of_goods,"
                        + " revenue_without_cost, lines, returns, first_day, last_day FROM totals")) {
                    while (rows.next()) {
                        duck.put(rows.getString(1) + "|" + rows.getInt(2), new long[] { cents(rows.getBigDecimal(3)),
                            cents(rows.getBigDecimal(4)), cents(rows.getBigDecimal(5)), rows.getLong(6), rows.getLong(7),
                            rows.getObject(8, LocalDate.class).toEpochDay(),
                            rows.getObject(9, LocalDate.class).toEpochDay() });
                    }
                }
                return null;
            });
            System.out.printf("  fetching DuckDB's %,d rows over JDBC (not in the times above): %.2f s%n", duck.size(),
                    fetch.seconds);
        }
        System.gc();

        // The library peer: Commons CSV, BigDecimal, a HashMap per customer and year.
        Timed<Map<String, Sums>> commons = time(() -> commonsCsv(file));
        report("Commons CSV + BigDecimal + HashMap, 1 thread", commons, lines);

        System.out.printf("peak RSS of this process (all runs, DuckDB's native memory included): %,d MB%n",
                peakRss() >> 10);
        System.out.printf("best runs: DuckDB (2 threads) / moneytree (2 threads): %.2fx; / moneytree (1 thread):"
                + " %.2fx;"
                + " Commons CSV / moneytree (2 threads): %.2fx%n", duckBest / oursBest[2], duckBest / oursBest[1],
                commons.seconds / oursBest[2]);
        System.out.printf("first runs (moneytree's code not yet compiled by the JIT): DuckDB (2 threads) / moneytree"
                + " (2 threads): %.2fx%n", duckFirst / oursFirst[2]);

        int mismatches = compare(ours, duck, commons.value);
        System.exit(mismatches == 0 ? 0 : 1);
    }

    /** Compares ours with DuckDB and Commons CSV per customer and year; prints totals; the number of mismatches. */
    private static int compare(PurchaseTotals ours, Map<String, long[]> duck, Map<String, Sums> commons) {
        long[] oursTotal = new long[5];
        long[] duckTotal = new long[5];
        long[] commonsTotal = new long[5];
        int mismatches = 0;
        int shown = 0;
        for (int slot = 0; slot < ours.slotCount(); slot++) {
            String key = ours.customerId(ours.slotCustomer(slot)) + "|" + ours.slotPeriod(slot).start().getYear();
            long[] mine = { ours.revenueCents(slot), ours.costOfGoodsCents(slot), ours.revenueWithoutCostCents(slot),
                ours.lines(slot), ours.returnLines(slot), ours.firstDay(slot), ours.lastDay(slot) };
            add(oursTotal, mine);
            long[] theirs = duck.get(key);
            Sums sums = commons.get(key);
            long[] library = sums == null ? null : sums.values();
            if (!java.util.Arrays.equals(mine, theirs) || !java.util.Arrays.equals(mine, library)) {
                mismatches++;
                if (shown++ < 10) {
                    System.out.println("  MISMATCH " + key + ": moneytree " + java.util.Arrays.toString(mine)
                            + ", DuckDB " + java.util.Arrays.toString(theirs) + ", Commons CSV "
                            + java.util.Arrays.toString(library));
                }
            }
        }
        for (long[] theirs : duck.values()) {
            add(duckTotal, theirs);
        }
        for (Sums sums : commons.values()) {
            add(commonsTotal, sums.values());
        }
        mismatches += Math.abs(duck.size() - ours.slotCount()) + Math.abs(commons.size() - ours.slotCount());
        System.out.printf("%-14s %22s %22s %22s %14s %10s%n", "totals", "revenue", "cost of goods",
                "revenue without cost", "lines", "returns");
        printTotals("moneytree", oursTotal);
        printTotals("DuckDB", duckTotal);
        printTotals("Commons CSV", commonsTotal);
        System.out.printf("customers: moneytree %,d; customer-years: moneytree %,d, DuckDB %,d, Commons CSV %,d%n",
                ours.customerCount(), ours.slotCount(), duck.size(), commons.size());
        System.out.printf("per customer and year, all fields to the cent: %,d mismatches%s%n", mismatches,
                mismatches == 0 ? " (all three agree)" : " -- RESULTS DISAGREE");
        return mismatches;
    }

    private static void add(long[] total, long[] values) {
        for (int i = 0; i < 5; i++) {
            total[i] += values[i];
        }
    }

    private static void printTotals(String name, long[] total) {
        System.out.printf("%-14s %22s %22s %22s %,14d %,10d%n", name, PurchaseTotals.money(total[0]).toPlainString(),
                PurchaseTotals.money(total[1]).toPlainString(), PurchaseTotals.money(total[2]).toPlainString(),
                total[3], total[4]);
    }

    /** One customer's year, as the library peer adds it up. */
    private static final class Sums {
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal revenueWithoutCost = BigDecimal.ZERO;
        long lines;
        long returns;
        LocalDate first;
        LocalDate last;

        long[] values() {
            return new long[] { cents(revenue), cents(cost), cents(revenueWithoutCost), lines, returns,
                first.toEpochDay(), last.toEpochDay() };
        }
    }

    private static Map<String, Sums> commonsCsv(Path file) throws IOException {
        Map<String, Sums> sums = new HashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                LocalDate day = LocalDate.parse(record.get("order_date"));
                BigDecimal revenue = new BigDecimal(record.get("revenue")).setScale(2, RoundingMode.HALF_EVEN);
                String costText = record.get("cost_of_goods");
                Sums customerYear = sums.computeIfAbsent(record.get("customer_id") + "|" + day.getYear(),
                        key -> new Sums());
                customerYear.revenue = customerYear.revenue.add(revenue);
                if (costText.isEmpty()) {
                    customerYear.revenueWithoutCost = customerYear.revenueWithoutCost.add(revenue);
                } else {
                    customerYear.cost = customerYear.cost.add(new BigDecimal(costText).setScale(2,
                            RoundingMode.HALF_EVEN));
                }
                customerYear.lines++;
                if (revenue.signum() < 0) {
                    customerYear.returns++;
                }
                if (customerYear.first == null || day.isBefore(customerYear.first)) {
                    customerYear.first = day;
                }
                if (customerYear.last == null || day.isAfter(customerYear.last)) {
                    customerYear.last = day;
                }
            }
        }
        return sums;
    }

    private static long cents(BigDecimal amount) {
        return amount == null ? 0 : amount.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    private record Timed<T>(T value, double seconds, long peakHeap) {
    }

    private static <T> Timed<T> time(Callable<T> work) throws Exception {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long started = System.nanoTime();
        T value = work.call();
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return new Timed<>(value, seconds, peak);
    }

    private static void report(String name, Timed<?> timed, long lines) {
        System.out.printf("%-58s %7.2f s %,13.0f lines/s   peak heap %,6d MB%n", name, timed.seconds,
                lines / timed.seconds, timed.peakHeap >> 20);
    }

    private static long countLines(Path file) throws IOException {
        long count = 0;
        boolean quoted = false;
        byte[] buffer = new byte[1 << 20];
        try (var in = Files.newInputStream(file)) {
            for (int read; (read = in.read(buffer)) > 0;) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '"') {
                        quoted = !quoted;
                    } else if (buffer[i] == '\n' && !quoted) {
                        count++;
                    }
                }
            }
        }
        return count - 1;
    }

    /** The process's peak resident memory in kB (VmHWM), or 0 where /proc does not tell. */
    private static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return 0;
    }
}
