package org.moneytree.cli.internal;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command: {@code moneytree <command>}. */
@Command(name = "moneytree", mixinStandardHelpOptions = true, version = "Moneytree 0.1",
        description = { "Finds which customers make the profit and places them in the customer pyramid.",
                "找出创造利润的客户，并将其划入客户金字塔。" })
final class MoneytreeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final PrintWriter out;

    MoneytreeCommand(PrintWriter out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(out);
        return CommandLine.ExitCode.USAGE;
    }
}
