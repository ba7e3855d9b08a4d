package org.moneytree.desktop.internal;

import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.moneytree.api.report.ReportData;

/**
 * The toolbar's dataset chooser: the workspace's analysed datasets ({@link ReportData#datasets}), read on a
 * background job at start and on Refresh. The choice goes into the application context as {@link Keys#DATASET},
 * which every view part follows; the first dataset is chosen at start.
 */
public class DatasetControl {

    private static final Logger LOG = Logger.getLogger(DatasetControl.class.getName());

    @Inject
    @Optional
    ReportData data;

    @Inject
    UISynchronize sync;

    @Inject
    MApplication application;

    private Combo datasets;
    private Locale locale;
    private Long refreshCount;

    @PostConstruct
    void create(Composite parent, @Optional @Named(TranslationService.LOCALE) Object locale) {
        this.locale = Keys.locale(locale);
        Composite box = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 2).applyTo(box);
        Label label = new Label(box, SWT.NONE);
        label.setText(Texts.get(this.locale, "dataset"));
        datasets = new Combo(box, SWT.DROP_DOWN | SWT.READ_ONLY);
        datasets.setData("moneytree.datasets", Boolean.TRUE);
        org.eclipse.jface.layout.GridDataFactory.swtDefaults().hint(160, SWT.DEFAULT).applyTo(datasets);
        datasets.addListener(SWT.Selection, event -> choose());
        Button refresh = new Button(box, SWT.PUSH);
        refresh.setText(Texts.get(this.locale, "refresh"));
        refresh.addListener(SWT.Selection, event -> load());
        load();
    }

    /** An import or an analysis stored something: read the datasets again. */
    @jakarta.inject.Inject
    void refreshed(@Optional @Named(Keys.REFRESH) Long count) {
        boolean changed = count != null && !count.equals(refreshCount);
        refreshCount = count;
        if (changed && datasets != null && !datasets.isDisposed()) {
            load();
        }
    }

    private void load() {
        ReportData reportData = data;
        Job job = Job.create(Texts.get(locale, "dataset"), monitor -> {
            List<String> names = List.of();
            try {
                names = reportData == null ? List.of() : reportData.datasets();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the datasets could not be read", e);
            }
            List<String> found = names;
            sync.asyncExec(() -> show(found));
            return Status.OK_STATUS;
        });
        job.schedule();
    }

    private void show(List<String> names) {
        if (datasets.isDisposed()) {
            return;
        }
        String chosen = (String) application.getContext().get(Keys.DATASET);
        datasets.setItems(names.toArray(String[]::new));
        datasets.setToolTipText(names.isEmpty() ? Texts.get(locale, "dataset.none") : null);
        int index = chosen == null ? 0 : Math.max(0, names.indexOf(chosen));
        if (!names.isEmpty()) {
            datasets.select(index);
            choose();
        }
        datasets.getParent().pack();
        datasets.getParent().getParent().layout(true, true);
    }

    private void choose() {
        int index = datasets.getSelectionIndex();
        if (index >= 0) {
            application.getContext().set(Keys.DATASET, datasets.getItem(index));
        }
    }
}
