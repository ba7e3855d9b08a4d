package org.moneytree.cli.internal;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.moneytree.api.tier.TierSchemeInfo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Lists the tier schemes registered now, from the core and from plugins. */
@Command(name = "schemes", mixinStandardHelpOptions = true,
        description = { "Lists the tier schemes that analyze can use.", "列出可用的分级方案。" })
final class SchemesCommand implements Callable<Integer> {

    @Mixin
    private LanguageOption language;

    private final CommandLineRunner.Platform platform;
    private final PrintWriter out;

    SchemesCommand(CommandLineRunner.Platform platform, PrintWriter out) {
        this.platform = platform;
        this.out = out;
    }

    @Override
    public Integer call() {
        for (TierSchemeInfo scheme : platform.tiering().schemes(language.locale())) {
            out.printf("%-12s %s  [%s]%n%12s %s%n", scheme.id(), scheme.name(), scheme.bundle(), "",
                    scheme.description());
        }
        return 0;
    }
}
