package org.moneytree.desktop.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.moneytree.api.profit.Period;
import org.moneytree.api.report.ReportData;
import org.moneytree.api.report.ReportView;
import org.moneytree.api.report.ViewException;
import org.moneytree.api.report.ViewExporter;
import org.moneytree.api.report.ViewModel;
import org.moneytree.api.report.ViewParameter;
import org.moneytree.api.report.ViewRequest;

/**
 * File › Export analysis as PDF…: every installed view that needs no more than periods (the account profile, which
 * needs a customer, is left out), rendered for the dataset's latest analysed period, in the Views menu's order, as one
 * PDF through {@link ViewExporter#pdf} — what the web console's PDF export gives. A view that fails is left out and
 * named in the outcome; cancelling stops between views.
 */
public class AnalysisPdfJob extends DesktopJob {

    private static final Logger LOG = Logger.getLogger(AnalysisPdfJob.class.getName());

    private final ViewCatalog catalog;
    private final ReportData data;
    private final ViewExporter exporter;
    private final String dataset;
    private final Path target;
    private final Locale locale;
    private volatile List<ViewModel> models = List.of();
    private volatile List<String> problems = List.of();
    private volatile Period period;

    public AnalysisPdfJob(ViewCatalog catalog, ReportData data, ViewExporter exporter, String dataset, Path target,
            Locale locale) {
        super(Texts.get(locale, "export.analysis.job", dataset, target.getFileName()));
        this.catalog = catalog;
        this.data = data;
        this.exporter = exporter;
        this.dataset = dataset;
        this.target = target;
        this.locale = locale;
    }

    @Override
    protected IStatus work(IProgressMonitor monitor) {
        List<ViewCatalog.Entry> entries = catalog.grouped(locale).values().stream().flatMap(List::stream).toList();
        monitor.beginTask(getName(), entries.size() + 1);
        try {
            period = data.latest(dataset, locale);
            List<ViewModel> rendered = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (ViewCatalog.Entry entry : entries) {
                if (monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                monitor.subTask(entry.title());
                Optional<ReportView> view = catalog.view(entry.id());
                try {
                    if (view.isPresent() && periodsOnly(view.get())) {
                        Map<String, String> parameters = new LinkedHashMap<>();
                        view.get().parameters().stream().filter(ViewParameter::required)
                                .forEach(parameter -> parameters.put(parameter.id(), period.id()));
                        rendered.add(view.get().render(new ViewRequest(dataset, parameters, locale)));
                    }
                } catch (ViewException e) {
                    failed.add(entry.title() + ": " + e.getMessage());
                } catch (RuntimeException | LinkageError e) {
                    LOG.log(Level.WARNING, "the view " + entry.id() + " failed for the PDF", e);
                    failed.add(Texts.get(locale, "view.failed", entry.title(), String.valueOf(e.getMessage())));
                }
                monitor.worked(1);
            }
            problems = List.copyOf(failed);
            if (rendered.isEmpty()) {
                return Status.error(Texts.get(locale, "export.analysis.empty", dataset, String.join("; ", failed)));
            }
            models = List.copyOf(rendered);
            monitor.subTask(target.getFileName().toString());
            return ExportJob.write(target, monitor,
                    out -> exporter.pdf(Texts.get(locale, "export.analysis.pdfTitle", dataset, period.id()), rendered,
                            locale, out));
        } catch (ViewException e) {
            return Status.error(e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "exporting the analysis of " + dataset + " to " + target + " failed", e);
            return Status.error(Texts.get(locale, "export.failed", target,
                    e.getMessage() == null ? e.toString() : e.getMessage()), e);
        } finally {
            monitor.done();
        }
    }

    private static boolean periodsOnly(ReportView view) {
        return view.parameters().stream()
                .noneMatch(parameter -> parameter.required() && parameter.kind() != ViewParameter.Kind.PERIOD);
    }

    /** The views' models written, in order; empty until the PDF is written. */
    public List<ViewModel> models() {
        return models;
    }

    /** The views left out because they failed, each with its message. */
    public List<String> problems() {
        return problems;
    }

    /** The period exported; {@code null} before it is known. */
    public Period period() {
        return period;
    }

    /** The dataset exported. */
    public String dataset() {
        return dataset;
    }

    /** The file written. */
    public Path target() {
        return target;
    }
}
