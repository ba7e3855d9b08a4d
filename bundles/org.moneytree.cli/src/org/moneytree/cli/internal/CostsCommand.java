package org.moneytree.cli.internal;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.moneytree.api.profit.ActivityRate;
import org.moneytree.api.profit.CostModelInfo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Lists the cost models and their activity rates. */
@Command(name = "costs", mixinStandardHelpOptions = true,
        description = { "Lists the cost models and the rate of every activity type.", "列出成本模型及各作业类型的费率。" })
final class CostsCommand implements Callable<Integer> {

    @Mixin
    private LanguageOption language;

    private final CommandLineRunner.Platform platform;
    private final PrintWriter out;

    CostsCommand(CommandLineRunner.Platform platform, PrintWriter out) {
        this.platform = platform;
        this.out = out;
    }

    @Override
    public Integer call() {
        for (CostModelInfo model : platform.profitability().costModels(language.locale())) {
            out.printf("%-12s %s  [%s]%n", model.id(), model.name(), model.bundle());
            for (ActivityRate rate : model.rates()) {
                out.printf("%14s %-20s %12s / %s%n", "", rate.activityType(), Formats.money(rate.rate()),
                        rate.unit(language.locale()));
            }
        }
        return 0;
    }
}
