package org.moneytree.cli.internal;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.moneytree.api.archive.Customer;
import org.moneytree.api.archive.CustomerArchive;
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
        CustomerArchive archive = platform.archive();
        for (String dataset : store.datasets()) {
            long purchases = store.purchaseCount(dataset);
            long customers = archive.count(dataset, Customer.class);
            out.printf("%-30s %,12d %-9s %,10d %s%n", dataset, purchases, purchases == 1 ? "purchase" : "purchases",
                    customers, customers == 1 ? "customer in the archive" : "customers in the archive");
        }
        return 0;
    }
}
