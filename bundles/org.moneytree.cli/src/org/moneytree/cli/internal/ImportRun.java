package org.moneytree.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;

import org.moneytree.api.archive.RecordKind;
import org.moneytree.api.imports.ImportProgress;
import org.moneytree.api.imports.ImportReport;
import org.moneytree.api.imports.ImportSettings;
import org.moneytree.api.imports.InputProblem;
import org.moneytree.api.purchase.StoreResult;

/**
 * Runs an import for a command: a progress bar on an interactive terminal, then the problems and the final
 * count. A file that stores nothing ends the command with a one-line reason.
 */
final class ImportRun {

    private static final int PROBLEMS_SHOWN = 50;
    private static final int BAR = 30;

    private ImportRun() {
    }

    static ImportReport run(CommandLineRunner.Platform platform, Path file, String dataset, RecordKind kind,
            ImportSettings settings, Messages messages, PrintWriter out, PrintWriter err) {
        ImportProgress progress = System.console() != null ? bar(err) : ImportProgress.NONE;
        ImportReport report;
        try {
            report = platform.importer().importFile(file, dataset, kind, settings, progress);
        } catch (RuntimeException e) {
            throw new CommandFailure(CommandFailure.FAILED, CommandFailure.oneLine(e));
        } finally {
            // Also on failure: the reason printed next must not land behind the bar, on its line.
            if (progress != ImportProgress.NONE) {
                err.print("\r" + " ".repeat(BAR + 40) + "\r");
                err.flush();
            }
        }
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        if (report.problemCount() > 0) {
            err.println(messages.get(report.committed() ? "problemsSkipped" : "problems", report.problemCount(), file));
            report.problems().stream().limit(PROBLEMS_SHOWN).forEach(problem -> err.println("  " + problem));
            if (report.problemCount() > PROBLEMS_SHOWN) {
                err.println("  " + messages.get("moreProblems", count.format(report.problemCount() - PROBLEMS_SHOWN)));
            }
        }
        StoreResult stored = report.stored();
        if (stored == null) {
            InputProblem first = report.problems().isEmpty() ? null : report.problems().get(0);
            throw new CommandFailure(CommandFailure.BAD_INPUT, first == null ? file + ": nothing was imported"
                    : first + (report.problemCount() > 1 ? " (" + count.format(report.problemCount() - 1)
                            + (report.problemCount() == 2 ? " more problem" : " more problems") + " listed above)" : ""));
        }
        out.println(messages.get("imported", count.format(report.rows()), file, count.format(stored.added()),
                count.format(stored.updated()), count.format(stored.unchanged()), count.format(report.rejected()),
                dataset));
        return report;
    }

    private static ImportProgress bar(PrintWriter err) {
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        return (bytesRead, totalBytes, rows) -> {
            int filled = totalBytes == 0 ? BAR : (int) Math.min(BAR, bytesRead * BAR / totalBytes);
            int percent = totalBytes == 0 ? 100 : (int) Math.min(100, bytesRead * 100 / totalBytes);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] " + percent + "%  "
                    + count.format(rows) + " rows");
            err.flush();
        };
    }
}
