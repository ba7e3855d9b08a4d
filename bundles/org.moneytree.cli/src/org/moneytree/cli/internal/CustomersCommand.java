package org.moneytree.cli.internal;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.moneytree.api.archive.Customer;
import org.moneytree.api.archive.CustomerArchive;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code moneytree customers --dataset NAME [--group ID]}: lists the customer accounts of a dataset. */
@Command(name = "customers", mixinStandardHelpOptions = true,
        description = { "Lists the customer accounts of a dataset, or of one group.", "列出数据集（或某一集团）的客户。" })
final class CustomersCommand implements Callable<Integer> {

    @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "The dataset.")
    private String dataset;

    @Option(names = "--group", paramLabel = "ID", description = "Only this account and all accounts below it.")
    private String group;

    @Mixin
    private LanguageOption language;

    private final CommandLineRunner.Platform platform;
    private final PrintWriter out;

    CustomersCommand(CommandLineRunner.Platform platform, PrintWriter out) {
        this.platform = platform;
        this.out = out;
    }

    @Override
    public Integer call() {
        Messages messages = new Messages(language.locale());
        CustomerArchive archive = platform.archive();
        List<Customer> customers = archive.customers(dataset);
        if (group != null) {
            List<String> members = archive.group(dataset, group);
            if (members.isEmpty()) {
                throw new CommandFailure(CommandFailure.BAD_INPUT, "--group " + group + ": no such customer in dataset "
                        + dataset);
            }
            customers = customers.stream().filter(customer -> members.contains(customer.id())).toList();
        }
        TextTable table = new TextTable(12, 30, 16, 12, 12, 8, 16);
        table.row(messages.get("header.id"), messages.get("header.name"), messages.get("header.industry"),
                messages.get("header.region"), messages.get("header.parent"), messages.get("header.status"),
                messages.get("header.owner"));
        for (Customer customer : customers) {
            table.row(customer.id(), customer.name(), orEmpty(customer.industry()), orEmpty(customer.region()),
                    orEmpty(customer.parentId()), customer.status().label(messages.locale()), orEmpty(customer.owner()));
        }
        table.print(out);
        out.println(messages.get("customerCount", customers.size()));
        return 0;
    }

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
