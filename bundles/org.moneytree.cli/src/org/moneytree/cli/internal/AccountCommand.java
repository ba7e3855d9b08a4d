package org.moneytree.cli.internal;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.moneytree.api.archive.AccountRecord;
import org.moneytree.api.archive.Contact;
import org.moneytree.api.archive.Contract;
import org.moneytree.api.archive.Customer;
import org.moneytree.api.archive.Expectation;
import org.moneytree.api.archive.Interaction;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code moneytree account ID --dataset NAME}: the archive's whole record of one account. */
@Command(name = "account", mixinStandardHelpOptions = true,
        description = { "Shows everything the archive keeps about one account.", "显示档案中某一客户的全部记录。" })
final class AccountCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The customer's id.")
    private String customerId;

    @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "The dataset.")
    private String dataset;

    @Mixin
    private LanguageOption language;

    private final CommandLineRunner.Platform platform;
    private final PrintWriter out;

    AccountCommand(CommandLineRunner.Platform platform, PrintWriter out) {
        this.platform = platform;
        this.out = out;
    }

    @Override
    public Integer call() {
        Messages messages = new Messages(language.locale());
        AccountRecord account = platform.archive().account(dataset, customerId).orElseThrow(() -> new CommandFailure(
                CommandFailure.BAD_INPUT, "no customer " + customerId + " in dataset " + dataset));
        Customer customer = account.customer();
        out.println(customer.name() + " (" + customer.id() + ")");
        line(messages, "header.status", customer.status().label(messages.locale()));
        line(messages, "header.industry", customer.industry());
        line(messages, "header.region", customer.region());
        line(messages, "header.parent", customer.parentId());
        line(messages, "header.subsidiaries", account.subsidiaries().isEmpty() ? null
                : String.join(", ", account.subsidiaries()));
        line(messages, "header.firstContact", customer.firstContact() == null ? null : customer.firstContact().toString());
        line(messages, "header.owner", customer.owner());
        line(messages, "header.team", customer.accountTeam().isEmpty() ? null : String.join(", ", customer.accountTeam()));
        if (!account.contacts().isEmpty()) {
            out.println();
            out.println(messages.get("section.contacts"));
            TextTable table = new TextTable(20, 20, 28, 16);
            for (Contact contact : account.contacts()) {
                table.row(contact.name(), orEmpty(contact.role()), orEmpty(contact.email()), orEmpty(contact.phone()));
            }
            table.print(out);
        }
        if (!account.contracts().isEmpty()) {
            out.println();
            out.println(messages.get("section.contracts"));
            TextTable table = new TextTable(12, 30, 10, 10, 14);
            for (Contract contract : account.contracts()) {
                table.row(contract.contractId(), orEmpty(contract.title()), contract.start().toString(),
                        contract.end() == null ? "" : contract.end().toString(), String.format("%,.2f", contract.value()));
            }
            table.print(out);
        }
        if (!account.activityTotals().isEmpty()) {
            out.println();
            out.println(messages.get("section.activities"));
            TextTable table = new TextTable(20, 12);
            account.activityTotals().forEach((type, quantity) -> table.row(type, quantity.toPlainString()));
            table.print(out);
        }
        if (!account.interactions().isEmpty()) {
            out.println();
            out.println(messages.get("section.interactions"));
            TextTable table = new TextTable(10, 10, 30, 16);
            for (Interaction interaction : account.interactions()) {
                table.row(interaction.date().toString(), interaction.type().label(messages.locale()),
                        orEmpty(interaction.subject()), orEmpty(interaction.author()));
            }
            table.print(out);
        }
        if (!account.expectations().isEmpty()) {
            out.println();
            out.println(messages.get("section.expectations"));
            TextTable table = new TextTable(16, 10, 50, 3);
            for (Expectation expectation : account.expectations()) {
                boolean current = account.currentExpectations().contains(expectation);
                table.row(expectation.topic(), expectation.validFrom().toString(), expectation.text(),
                        current ? messages.get("current") : "");
            }
            table.print(out);
        }
        return 0;
    }

    private void line(Messages messages, String label, String value) {
        if (value != null) {
            out.println("  " + messages.get(label) + ": " + value);
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
