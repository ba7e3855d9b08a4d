import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes a deterministic purchase file for benchmarks: {@code java GeneratePurchases.java LINES CUSTOMERS FILE}.
 * The same arguments always give the same bytes (fixed seed). Columns: order_id, customer_id, order_date,
 * product, quantity, revenue, cost_of_goods; customer sizes follow a skewed (Pareto-like) distribution so
 * that a few customers buy much, as in real data.
 */
public final class GeneratePurchases {

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java GeneratePurchases.java LINES CUSTOMERS FILE");
            System.exit(2);
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

    private static StringBuilder cents(StringBuilder line, long cents) {
        line.append(cents / 100).append('.');
        long rest = cents % 100;
        return line.append(rest < 10 ? "0" : "").append(rest);
    }
}
