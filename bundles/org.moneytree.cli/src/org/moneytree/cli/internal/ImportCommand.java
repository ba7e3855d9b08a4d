package org.moneytree.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.moneytree.api.archive.RecordKind;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code moneytree import FILE --dataset NAME [--kind KIND]}: imports purchases or archive records into a
 * dataset without analysing them.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = { "Imports a file of purchases, customers, contacts, activities, contracts, interactions or"
                + " expectations into a dataset: all rows or, if any is bad, none.",
                "将购买记录、客户、联系人、服务活动、合同、互动或客户期望文件导入数据集：全部导入，或有任何错误行时全部不导入。" })
final class ImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "CSV or Excel (.xlsx) with a header; purchases also as CDNOW text.")
    private Path file;

    @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "The dataset to import into.")
    private String dataset;

    @Option(names = "--kind", paramLabel = "KIND", converter = KindConverter.class,
            description = "What the file holds: purchases (default), customers, contacts, activities, contracts,"
                    + " interactions or expectations.")
    private RecordKind kind = RecordKind.PURCHASES;

    @Mixin
    private ImportOptions importOptions;

    @Mixin
    private LanguageOption language;

    private final CommandLineRunner.Platform platform;
    private final PrintWriter out;
    private final PrintWriter err;

    ImportCommand(CommandLineRunner.Platform platform, PrintWriter out, PrintWriter err) {
        this.platform = platform;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Messages messages = new Messages(language.locale());
        ImportRun.run(platform, file, dataset, kind, importOptions.settings(platform.mappingsFolder(), false), messages,
                out, err);
        return 0;
    }
}
