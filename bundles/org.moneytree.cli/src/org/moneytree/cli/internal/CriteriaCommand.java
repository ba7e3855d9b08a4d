package org.moneytree.cli.internal;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.moneytree.api.scoring.CriterionInfo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Lists the key-account criteria and their weights. */
@Command(name = "criteria", mixinStandardHelpOptions = true,
        description = { "Lists the key-account criteria and their weights in the score.", "列出关键客户评分标准及其权重。" })
final class CriteriaCommand implements Callable<Integer> {

    @Mixin
    private LanguageOption language;

    private final CommandLineRunner.Platform platform;
    private final PrintWriter out;

    CriteriaCommand(CommandLineRunner.Platform platform, PrintWriter out) {
        this.platform = platform;
        this.out = out;
    }

    @Override
    public Integer call() {
        for (CriterionInfo criterion : platform.scoring().criteria(language.locale())) {
            out.printf(Locale.ROOT, "%-18s %6.1f  %s  [%s]%n%25s %s%n", criterion.id(), criterion.weight(),
                    criterion.name(), criterion.bundle(), "", criterion.description());
        }
        return 0;
    }
}
