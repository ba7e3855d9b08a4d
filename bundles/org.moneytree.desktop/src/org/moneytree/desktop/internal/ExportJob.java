package org.moneytree.desktop.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.moneytree.api.report.ViewExporter;
import org.moneytree.api.report.ViewModel;

/**
 * Writes a view's model with the platform's {@link ViewExporter} (the one the console's and the command line's
 * exports use) as CSV, HTML or PDF. The file is written beside its target first and moved over it at the end, so
 * a failed or cancelled export leaves no half-written file.
 */
public class ExportJob extends DesktopJob {

    private static final Logger LOG = Logger.getLogger(ExportJob.class.getName());

    /** The forms of export, by file extension. */
    public enum Format {
        CSV("csv"), HTML("html"), PDF("pdf");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** The file extension, without the dot. */
        public String extension() {
            return extension;
        }

        /** The format of a file's extension ({@code .htm} is HTML), or {@code null} for another one. */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format format : values()) {
                if (name.endsWith("." + format.extension)) {
                    return format;
                }
            }
            return name.endsWith(".htm") ? HTML : null;
        }
    }

    private final ViewExporter exporter;
    private final ViewModel model;
    private final String title;
    private final Format format;
    private final Path target;
    private final Locale locale;

    /**
     * @param title the PDF's title (the view and the dataset)
     */
    public ExportJob(ViewExporter exporter, ViewModel model, String title, Format format, Path target, Locale locale) {
        super(Texts.get(locale, "export.job", model.title(), target.getFileName()));
        this.exporter = exporter;
        this.model = model;
        this.title = title;
        this.format = format;
        this.target = target;
        this.locale = locale;
    }

    @Override
    protected IStatus work(IProgressMonitor monitor) {
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        try {
            return write(target, monitor, out -> {
                switch (format) {
                    case CSV -> exporter.csv(model, out);
                    case HTML -> exporter.html(model, locale, out);
                    case PDF -> exporter.pdf(title, List.of(model), locale, out);
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "exporting " + model.viewId() + " to " + target + " failed", e);
            return Status.error(Texts.get(locale, "export.failed", target,
                    e.getMessage() == null ? e.toString() : e.getMessage()), e);
        } finally {
            monitor.done();
        }
    }

    /** What writes the export's bytes. */
    interface Writing {
        void to(OutputStream out) throws IOException;
    }

    /**
     * Writes a file beside the target and moves it over the target once written (a failed or cancelled export leaves
     * no half-written file).
     *
     * @return OK, or CANCEL when the monitor was cancelled while writing (the target is then left as it was)
     */
    static IStatus write(Path target, IProgressMonitor monitor, Writing writing) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, ".export-", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                writing.to(out);
            }
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Status.OK_STATUS;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The file written. */
    public Path target() {
        return target;
    }
}
