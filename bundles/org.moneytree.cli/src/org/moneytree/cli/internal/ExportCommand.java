package org.moneytree.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.moneytree.api.archive.RecordKind;
import org.moneytree.api.exports.ExportFormat;
import org.moneytree.api.exports.ExportReport;
import org.moneytree.api.exports.ExportSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code moneytree export KIND --dataset NAME --output FILE}: writes a dataset's records of one kind to CSV or
 * Excel, in the form {@code import} reads back.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = { "Writes a dataset's records of one kind to a CSV or Excel (.xlsx) file that import reads back.",
                "将数据集中某类记录导出为 CSV 或 Excel (.xlsx) 文件，可再次导入。" })
final class ExportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "KIND", converter = KindConverter.class,
            description = "purchases, customers, contacts, activities, contracts, interactions or expectations.")
    private RecordKind kind;

    @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "The dataset to export.")
    private String dataset;

    @Option(names = { "-o", "--output" }, required = true, paramLabel = "FILE",
            description = "The file to write: Excel for a name ending in .xlsx, CSV otherwise.")
    private Path output;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "The CSV file's encoding: UTF-8 (default) or GB18030 for spreadsheets set up for Chinese.")
    private String encoding;

    @Option(names = "--bom", description = "Start a UTF-8 CSV file with a byte order mark, as spreadsheet programs want.")
    private boolean byteOrderMark;

    @Mixin
    private LanguageOption language;

    private final CommandLineRunner.Platform platform;
    private final PrintWriter out;

    ExportCommand(CommandLineRunner.Platform platform, PrintWriter out) {
        this.platform = platform;
        this.out = out;
    }

    @Override
    public Integer call() {
        Messages messages = new Messages(language.locale());
        Charset charset = StandardCharsets.UTF_8;
        if (encoding != null) {
            try {
                charset = Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(CommandFailure.BAD_INPUT, "--encoding " + encoding
                        + ": no such character set; use UTF-8 or GB18030");
            }
        }
        ExportSettings settings = new ExportSettings(ExportFormat.forFileName(output.toString()), charset, byteOrderMark);
        ExportReport report;
        try {
            report = platform.exporter().export(dataset, kind, output, settings);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, output + ": " + e.getMessage());
        } catch (IOException e) {
            throw new CommandFailure(CommandFailure.FAILED, output + ": cannot be written: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new CommandFailure(CommandFailure.FAILED, e.getMessage());
        }
        out.println(messages.get("exported", String.format("%,d", report.rows()), kind.label(messages.locale()),
                dataset, report.file()));
        return 0;
    }
}
