package org.moneytree.cli.internal;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.moneytree.api.profit.Period;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierOverride;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Puts a customer in a tier by hand for a period, with a reason and an author, or removes that decision. */
@Command(name = "override", mixinStandardHelpOptions = true,
        description = { "Sets a customer's tier for a period by hand (kept across re-runs), or removes the override.",
                "手动设定客户某一期的分级（重新分析后仍保留），或取消手动设定。" })
final class OverrideCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CUSTOMER", description = "The customer's id.")
    private String customerId;

    @Option(names = "--dataset", paramLabel = "NAME", required = true, description = "The dataset.")
    private String dataset;

    @Option(names = "--period", paramLabel = "PERIOD", required = true, description = "The period: 2024, 2024-Q3 or 2024-07.")
    private String period;

    @Option(names = "--tier", paramLabel = "TIER", description = "The tier: platinum, gold, iron or lead.")
    private String tier;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (required with --tier).")
    private String reason;

    @Option(names = "--author", paramLabel = "NAME", description = "Who decides (default: the system user's name).")
    private String author;

    @Option(names = "--remove", description = "Remove the override instead.")
    private boolean remove;

    @Mixin
    private LanguageOption language;

    private final CommandLineRunner.Platform platform;
    private final PrintWriter out;

    OverrideCommand(CommandLineRunner.Platform platform, PrintWriter out) {
        this.platform = platform;
        this.out = out;
    }

    @Override
    public Integer call() {
        Messages messages = new Messages(language.locale());
        Period chosen = PeriodOptions.parse(period, "--period");
        if (remove) {
            boolean removed = platform.history().removeOverride(dataset, chosen, customerId);
            out.println(messages.get(removed ? "overrideRemoved" : "noOverride", customerId, chosen.id()));
            return removed ? 0 : CommandFailure.BAD_INPUT;
        }
        if (tier == null || reason == null || reason.isBlank()) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("overrideNeeds"));
        }
        Tier decided = TiersCommand.tier("--tier", tier);
        String by = author != null ? author : System.getProperty("user.name", "");
        try {
            TierOverride override = platform.history().override(dataset, chosen, customerId, decided, reason, by);
            out.println(messages.get("overrideSet", customerId, chosen.id(), override.tier().label(messages.locale()),
                    override.reason(), override.author()));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, e.getMessage());
        }
        return 0;
    }
}
