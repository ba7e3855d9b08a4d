package org.moneytree.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.moneytree.api.profit.Period;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierHistory;
import org.moneytree.api.tier.TierMigration;
import org.moneytree.api.tier.TierRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The tier migration matrix between two analysed periods, with the movers. */
@Command(name = "migration", mixinStandardHelpOptions = true,
        description = { "Shows how customers moved between tiers from one period to another, and who moved.",
                "显示客户在两期之间的分级迁移矩阵及变动客户。" })
final class MigrationCommand implements Callable<Integer> {

    @Option(names = "--dataset", paramLabel = "NAME", required = true, description = "The dataset.")
    private String dataset;

    @Option(names = "--from", paramLabel = "PERIOD", description = "The earlier period (default: the run before --to).")
    private String from;

    @Option(names = "--to", paramLabel = "PERIOD", description = "The later period (default: the latest analysed).")
    private String to;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "Movers listed per kind on the terminal (default: ${DEFAULT-VALUE}); the CSV has all.")
    private int limit;

    @Option(names = { "-o", "--output" }, paramLabel = "CSV", description = "Write every mover to this CSV file.")
    private Path output;

    @Mixin
    private LanguageOption language;

    private final CommandLineRunner.Platform platform;
    private final PrintWriter out;

    MigrationCommand(CommandLineRunner.Platform platform, PrintWriter out) {
        this.platform = platform;
        this.out = out;
    }

    @Override
    public Integer call() {
        Messages messages = new Messages(language.locale());
        if (limit < 0) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, "--limit: give 0 or more customers, not " + limit);
        }
        Locale locale = messages.locale();
        TierHistory history = platform.history();
        Period later = TierHistoryOptions.periodOrLatest(history, dataset, to, messages);
        Period earlier = from != null ? PeriodOptions.parse(from, "--from") : runBefore(history.runs(dataset), later, messages);
        // the runs say which periods have tiers; reading a million tiers to find out took seconds
        List<Period> analysed = history.runs(dataset).stream().map(TierRun::period).toList();
        for (Period period : List.of(earlier, later)) {
            if (!analysed.contains(period)) {
                throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("noRun", dataset, period.id()));
            }
        }
        TierMigration migration = history.migration(dataset, earlier, later);
        out.println(messages.get("migrationOf", dataset, earlier.id(), later.id()));
        out.println();
        TextTable table = new TextTable(12, -9, -9, -9, -9, -9, -9);
        List<String> header = new ArrayList<>(List.of(earlier.id() + " \\ " + later.id()));
        for (Tier tier : Tier.values()) {
            header.add(tier.label(locale));
        }
        header.add(messages.get("lost"));
        table.row(header.toArray(String[]::new));
        for (int row = 0; row <= TierMigration.ABSENT; row++) {
            List<String> cells = new ArrayList<>();
            cells.add(row == TierMigration.ABSENT ? messages.get("new") : Tier.values()[row].label(locale));
            for (int column = 0; column <= TierMigration.ABSENT; column++) {
                cells.add(row == TierMigration.ABSENT && column == TierMigration.ABSENT ? ""
                        : Formats.count(migration.counts()[row][column]));
            }
            table.row(cells.toArray(String[]::new));
        }
        table.print(out);
        out.println();
        out.println(messages.get("movers", Formats.count(migration.up().size()), Formats.count(migration.down().size()),
                Formats.count(migration.added().size()), Formats.count(migration.lost().size())));
        list(messages.get("moved.up"), migration.up(), locale);
        list(messages.get("moved.down"), migration.down(), locale);
        list(messages.get("moved.new"), migration.added(), locale);
        list(messages.get("moved.lost"), migration.lost(), locale);
        if (output != null) {
            out.println(messages.get("rowsWritten", write(migration)));
        }
        return 0;
    }

    private static Period runBefore(List<TierRun> runs, Period later, Messages messages) {
        Period before = null;
        for (TierRun run : runs) {
            if (run.period().length() == later.length() && run.period().compareTo(later) < 0) {
                before = run.period();
            }
        }
        if (before == null) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("noEarlierRun", later.id()));
        }
        return before;
    }

    private void list(String title, List<TierMigration.Move> moves, Locale locale) {
        if (moves.isEmpty()) {
            return;
        }
        List<String> shown = new ArrayList<>();
        for (TierMigration.Move move : moves.subList(0, Math.min(limit, moves.size()))) {
            shown.add(move.customerId() + " (" + label(move.from(), locale) + " → " + label(move.to(), locale) + ")");
        }
        out.println("  " + title + ": " + String.join(", ", shown) + (moves.size() > limit ? ", …" : ""));
    }

    private static String label(Tier tier, Locale locale) {
        return tier == null ? "-" : tier.label(locale);
    }

    private Path write(TierMigration migration) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader("customer_id", "move", "from_tier", "to_tier").get();
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), format)) {
            write(csv, "up", migration.up());
            write(csv, "down", migration.down());
            write(csv, "new", migration.added());
            write(csv, "lost", migration.lost());
        } catch (IOException e) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, output + ": cannot be written: " + e.getMessage());
        }
        return output.toAbsolutePath().normalize();
    }

    private static void write(CSVPrinter csv, String kind, List<TierMigration.Move> moves) throws IOException {
        for (TierMigration.Move move : moves) {
            csv.printRecord(move.customerId(), kind, move.from() == null ? "" : move.from().id(),
                    move.to() == null ? "" : move.to().id());
        }
    }
}
