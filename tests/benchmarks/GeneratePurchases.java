import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes a deterministic purchase file for benchmarks: {@code java GeneratePurchases.java [--analysis] LINES
 * CUSTOMERS FILE}. The same arguments always give the same bytes (fixed seed). Columns: order_id, customer_id,
 * order_date, product, quantity, revenue, cost_of_goods; customer sizes follow a skewed (Pareto-like)
 * distribution so that a few customers buy much, as in real data; dates span 2023 and 2024.
 *
 * <p>With {@code --analysis} (for analysis-throughput.sh) the file is richer: a category column
 * ({@code order_id,customer_id,order_date,product,category,quantity,revenue,cost_of_goods}), dates in 2024 and
 * 2025, about 2% returns (negative quantity and revenue), about 10% of lines without cost of goods, and about
 * one line in a thousand with a quoted product name holding a comma (and one in ten thousand a doubled quote),
 * so that readers must handle RFC 4180 quoting.
 */
public final class GeneratePurchases {

    public static void main(String[] args) throws IOException {
        boolean analysis = args.length == 4 && args[0].equals("--analysis");
        if (args.length != 3 && !analysis) {
            System.err.println("usage: java GeneratePurchases.java [--analysis] LINES CUSTOMERS FILE");
            System.exit(2);
        }
        if (analysis) {
            analysis(Long.parseLong(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            return;
        }
        long lines = Long.parseLong(args[0]);
        int customers = Integer.parseInt(args[1]);
        Path file = Path.of(args[2]);
        SplittableRandom random = new SplittableRandom(20260101L);
        LocalDate start = LocalDate.of(2023, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("order_id,customer_id,order_date,product,quantity,revenue,cost_of_goods\n");
            StringBuilder line = new StringBuilder(96);
            for (long i = 0; i < lines; i++) {
                // skewed customer choice: u^3 puts most lines on the low ids
                double u = random.nextDouble();
                int customer = (int) (u * u * u * customers);
                int quantity = 1 + random.nextInt(9);
                long unitCents = 199 + random.nextInt(9_800);
                long revenueCents = quantity * unitCents;
                long costCents = revenueCents * (55 + random.nextInt(30)) / 100;
                line.setLength(0);
                line.append("O").append(i / 3).append(',')
                        .append('C').append(customer).append(',')
                        .append(start.plusDays(random.nextInt(730))).append(',')
                        .append('P').append(random.nextInt(5_000)).append(',')
                        .append(quantity).append(',');
                cents(line, revenueCents).append(',');
                cents(line, costCents).append('\n');
                out.append(line);
            }
        }
    }

    private static final String[] CATEGORIES = { "Hardware", "Software", "Services", "Consumables", "Spare parts",
        "Training" };

    private static void analysis(long lines, int customers, Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(20261125L);
        LocalDate start = LocalDate.of(2024, 1, 1);
        int days = (int) (LocalDate.of(2026, 1, 1).toEpochDay() - start.toEpochDay());
        String[] dates = new String[days];
        for (int d = 0; d < days; d++) {
            dates[d] = start.plusDays(d).toString();
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("order_id,customer_id,order_date,product,category,quantity,revenue,cost_of_goods\n");
            StringBuilder line = new StringBuilder(112);
            for (long i = 0; i < lines; i++) {
                double u = random.nextDouble();
                int customer = (int) (u * u * u * customers);
                int quantity = 1 + random.nextInt(9);
                long unitCents = 199 + random.nextInt(9_800);
                long revenueCents = quantity * unitCents;
                long costCents = revenueCents * (55 + random.nextInt(30)) / 100;
                boolean isReturn = random.nextInt(50) == 0;
                boolean noCost = random.nextInt(10) == 0;
                int product = random.nextInt(5_000);
                int quoting = random.nextInt(10_000);
                line.setLength(0);
                line.append("O").append(i / 3).append(',')
                        .append('C').append(customer).append(',')
                        .append(dates[random.nextInt(days)]).append(',');
                if (quoting == 0) {
                    line.append("\"P").append(product).append(" 12\"\" screen, matte\",");
                } else if (quoting < 10) {
                    line.append("\"P").append(product).append(", large\",");
                } else {
                    line.append('P').append(product).append(',');
                }
                line.append(CATEGORIES[product % CATEGORIES.length]).append(',')
                        .append(isReturn ? -quantity : quantity).append(',');
                cents(line, isReturn ? -revenueCents : revenueCents).append(',');
                if (!noCost) {
                    cents(line, isReturn ? -costCents : costCents);
                }
                line.append('\n');
                out.append(line);
            }
        }
    }

    private static StringBuilder cents(StringBuilder line, long cents) {
        if (cents < 0) {
            line.append('-');
            cents = -cents;
        }
        line.append(cents / 100).append('.');
        long rest = cents % 100;
        return line.append(rest < 10 ? "0" : "").append(rest);
    }
}
