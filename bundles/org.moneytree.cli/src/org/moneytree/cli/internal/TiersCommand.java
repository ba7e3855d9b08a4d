package org.moneytree.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.moneytree.api.profit.Period;
import org.moneytree.api.tier.StoredTier;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierHistory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Shows stored tiers: a period's customers by tier, or one customer's tier history. */
@Command(name = "tiers", mixinStandardHelpOptions = true,
        description = { "Shows the stored tiers of a period, or one customer's tier history.",
                "显示某一期保存的分级，或某位客户的分级历史。" })
final class TiersCommand implements Callable<Integer> {

    @Option(names = "--dataset", paramLabel = "NAME", required = true, description = "The dataset.")
    private String dataset;

    @Option(names = "--period", paramLabel = "PERIOD", description = "The period (default: the latest analysed).")
    private String period;

    @Option(names = "--customer", paramLabel = "ID", description = "Show this customer's tier history instead.")
    private String customer;

    @Option(names = "--tier", paramLabel = "TIER", description = "Only customers in this tier: platinum, gold, iron, lead.")
    private String tier;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "Customers listed on the terminal, best score first (default: ${DEFAULT-VALUE}); the CSV has all.")
    private int limit;

    @Option(names = { "-o", "--output" }, paramLabel = "CSV", description = "Also write the rows to this CSV file.")
    private Path output;

    @Mixin
    private LanguageOption language;

    private final CommandLineRunner.Platform platform;
    private final PrintWriter out;

    TiersCommand(CommandLineRunner.Platform platform, PrintWriter out) {
        this.platform = platform;
        this.out = out;
    }

    static Tier tier(String option, String id) {
        try {
            return Tier.forId(id);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, option + ": " + e.getMessage());
        }
    }

    @Override
    public Integer call() {
        Messages messages = new Messages(language.locale());
        if (limit < 0) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, "--limit: give 0 or more customers, not " + limit);
        }
        Tier wanted = tier == null ? null : tier("--tier", tier);
        TierHistory history = platform.history();
        List<StoredTier> rows;
        if (customer != null) {
            rows = history.history(dataset, customer);
            if (rows.isEmpty()) {
                throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("noHistory", customer, dataset));
            }
            out.println(messages.get("historyOf", customer, dataset));
        } else {
            Period chosen = TierHistoryOptions.periodOrLatest(history, dataset, period, messages);
            rows = history.tiers(dataset, chosen);
            if (rows.isEmpty()) {
                throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("noRun", dataset, chosen.id()));
            }
            printCounts(chosen, rows, messages);
            if (wanted != null) {
                rows = rows.stream().filter(row -> row.tier() == wanted).toList();
            }
            rows = new ArrayList<>(rows);
            rows.sort(Comparator.comparingDouble(StoredTier::score).reversed().thenComparing(StoredTier::customerId));
        }
        print(rows.subList(0, customer != null ? rows.size() : Math.min(limit, rows.size())), messages);
        if (customer == null && rows.size() > limit) {
            out.println(messages.get("moreRows", Formats.count(rows.size() - limit)));
        }
        if (output != null) {
            out.println(messages.get("rowsWritten", write(rows, messages.locale())));
        }
        return 0;
    }

    private void printCounts(Period chosen, List<StoredTier> rows, Messages messages) {
        Map<Tier, Integer> counts = new EnumMap<>(Tier.class);
        int overridden = 0;
        for (StoredTier row : rows) {
            counts.merge(row.tier(), 1, Integer::sum);
            overridden += row.override() != null ? 1 : 0;
        }
        List<String> parts = new ArrayList<>();
        for (Tier each : Tier.values()) {
            parts.add(each.label(messages.locale()) + " " + Formats.count(counts.getOrDefault(each, 0)));
        }
        out.println(messages.get("tiersOf", dataset, chosen.id(), Formats.count(rows.size()), String.join(", ", parts),
                Formats.count(overridden)));
        out.println();
    }

    private void print(List<StoredTier> rows, Messages messages) {
        Locale locale = messages.locale();
        TextTable table = new TextTable(-8, 14, 10, -7, -16, -16, 0);
        table.row(messages.get("header.period"), messages.get("header.id"), messages.get("header.tier"),
                messages.get("header.score"), messages.get("header.revenue"), messages.get("header.netProfit"),
                messages.get("header.reason"));
        for (StoredTier row : rows) {
            String tierText = row.tier().label(locale) + (row.override() != null ? " *" : "");
            String reason = row.override() != null ? messages.get("overridden", row.computedTier().label(locale),
                    row.override().reason(), row.override().author()) : row.reason();
            table.row(row.period().id(), row.customerId(), tierText, Formats.score(row.score()),
                    Formats.money(row.revenue()), Formats.money(row.netProfit()), reason);
        }
        table.print(out);
    }

    private Path write(List<StoredTier> rows, Locale locale) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader("period", "customer_id", "tier", "tier_label",
                "computed_tier", "score", "revenue", "net_profit", "reason", "override_reason", "override_author").get();
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), format)) {
            for (StoredTier row : rows) {
                csv.printRecord(row.period().id(), row.customerId(), row.tier().id(), row.tier().label(locale),
                        row.computedTier().id(), Formats.score(row.score()), row.revenue().toPlainString(),
                        row.netProfit().toPlainString(), row.reason(),
                        row.override() == null ? "" : row.override().reason(),
                        row.override() == null ? "" : row.override().author());
            }
        } catch (IOException e) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, output + ": cannot be written: " + e.getMessage());
        }
        return output.toAbsolutePath().normalize();
    }
}
