package org.moneytree.cli.internal;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.moneytree.api.purchase.PurchaseStore;

import picocli.CommandLine.Command;

/** Lists the datasets in the workspace with their number of purchases. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = { "Lists the datasets stored in the workspace.", "列出工作区中的数据集。" })
final class DatasetsCommand implements Callable<Integer> {

    private final CommandLineRunner.Platform platform;
    private final PrintWriter out;

    DatasetsCommand(CommandLineRunner.Platform platform, PrintWriter out) {
        this.platform = platform;
        this.out = out;
    }

    @Override
    public Integer call() {
        PurchaseStore store = platform.store();
        for (String dataset : store.datasets()) {
            long purchases = store.purchaseCount(dataset);
            out.printf("%-30s %,12d %s%n", dataset, purchases, purchases == 1 ? "purchase" : "purchases");
        }
        return 0;
    }
}
