package org.moneytree.report.export.internal;

import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.moneytree.api.report.ViewExporter;
import org.moneytree.api.report.ViewModel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@link ViewExporter}: CSV with Apache Commons CSV, HTML with charts drawn by JFreeChart as SVG
 * (JFreeSVG), PDF with Apache PDFBox. Configured under {@value #PID} ({@code cjkFont}: the font for Chinese text
 * in PDFs).
 */
@Component(service = ViewExporter.class, configurationPid = ReportExporter.PID)
@Designate(ocd = ExportConfiguration.class)
public final class ReportExporter implements ViewExporter {

    static final String PID = "org.moneytree.report.export";

    private final Clock clock = Clock.systemDefaultZone();
    // PDFBox logs through Commons Logging to java.util.logging, whose console handler would print its notes
    // (building its font cache; Helvetica drawn on screen with a look-alike) on the user's terminal. Held
    // here because java.util.logging keeps loggers only weakly.
    private final List<Logger> quietened = new ArrayList<>();
    private final Map<Path, Optional<Font>> awtFonts = new ConcurrentHashMap<>();
    private volatile String cjkFont;
    // Searching the font folders takes a walk over the disk: done once, on first need.
    private volatile Optional<Path> located;

    @Activate
    public ReportExporter(ExportConfiguration configuration) {
        // Charts are drawn with Java2D, which must not reach for a display (there is none on a server, and a
        // desktop session's would be the wrong one). Set before AWT first reads it, unless the launcher has.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        for (String name : List.of("org.apache.pdfbox", "org.apache.fontbox")) {
            Logger logger = Logger.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.SEVERE);
                quietened.add(logger);
            }
        }
        modified(configuration);
    }

    @Modified
    void modified(ExportConfiguration configuration) {
        cjkFont = configuration.cjkFont();
        located = null;
    }

    @Override
    public void csv(ViewModel model, OutputStream out) throws IOException {
        Objects.requireNonNull(model, "model");
        new Csv().write(model, out);
    }

    @Override
    public void html(ViewModel model, Locale locale, OutputStream out) throws IOException {
        Objects.requireNonNull(model, "model");
        new Html(locale).write(model, ZonedDateTime.now(clock), out);
    }

    @Override
    public void pdf(String title, List<ViewModel> models, Locale locale, OutputStream out) throws IOException {
        Objects.requireNonNull(title, "title");
        new Pdf(locale, new Pdf.FontSource() {
            @Override
            public Optional<Path> cjkFont() throws IOException {
                return locate();
            }

            @Override
            public Font awtFont(Path path) {
                return awtFonts.computeIfAbsent(path, file -> {
                    try {
                        return Optional.of(CjkFont.awtFont(file));
                    } catch (IOException | RuntimeException e) {
                        return Optional.empty();
                    }
                }).orElse(null);
            }
        }).write(title, List.copyOf(models), ZonedDateTime.now(clock), out);
    }

    private Optional<Path> locate() throws IOException {
        String configured = cjkFont;
        if (configured != null && !configured.isBlank()) {
            // Checked every time: the file may be installed or fixed while the platform runs.
            return CjkFont.locate(configured);
        }
        Optional<Path> found = located;
        if (found == null || found.isEmpty()) {
            found = CjkFont.locate(null);
            located = found;
        }
        return found;
    }
}
