package org.moneytree.desktop.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.moneytree.api.plugin.Plugin;
import org.moneytree.api.plugin.PluginFailure;
import org.moneytree.api.plugin.PluginManager;

/**
 * Help › Plugins…: the features installed ({@link PluginManager#installed}), installing a feature from an update
 * site (a folder or a URI) and uninstalling a plugin, each on a job, with the manager's answer shown as it gives it
 * (where the product runs the simple configurator, the change applies at once and the plugin's views come or go in
 * the Views menu), and the bundles and components that failed to start ({@link PluginManager#failures}).
 */
public class PluginsDialog extends Dialog {

    private final PluginManager plugins;
    private final Locale locale;
    private final UISynchronize sync;
    private TableViewer viewer;
    private Text site;
    private Text feature;
    private Button install;
    private Button uninstall;
    private Label message;
    private org.eclipse.swt.widgets.List failures;
    private CompletableFuture<String> operation = CompletableFuture.completedFuture(null);

    public PluginsDialog(Shell parent, PluginManager plugins, Locale locale, UISynchronize sync) {
        super(parent);
        this.plugins = plugins;
        this.locale = locale;
        this.sync = sync;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Texts.get(locale, "plugins.title"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
        Label installed = new Label(area, SWT.NONE);
        installed.setText(Texts.get(locale, "plugins.installed"));
        GridDataFactory.fillDefaults().span(2, 1).applyTo(installed);
        viewer = new TableViewer(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        column("plugins.feature", 260, Plugin::featureId);
        column("plugins.version", 150, Plugin::version);
        column("plugins.name", 220, Plugin::name);
        column("plugins.kind", 120, plugin -> Texts.get(locale, plugin.partOfProduct() ? "plugins.product" : "plugins.plugin"));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addSelectionChangedListener(event -> enable());
        GridDataFactory.fillDefaults().grab(true, true).hint(760, 200).applyTo(viewer.getControl());
        uninstall = new Button(area, SWT.PUSH);
        uninstall.setText(Texts.get(locale, "plugins.uninstall"));
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(uninstall);
        uninstall.addListener(SWT.Selection, event -> uninstallSelected());

        Group from = new Group(area, SWT.NONE);
        from.setText(Texts.get(locale, "plugins.installFrom"));
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(from);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(from);
        new Label(from, SWT.NONE).setText(Texts.get(locale, "plugins.site"));
        site = new Text(from, SWT.BORDER);
        site.setMessage(Texts.get(locale, "plugins.siteHint"));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(site);
        Button folder = new Button(from, SWT.PUSH);
        folder.setText(Texts.get(locale, "plugins.folder"));
        folder.addListener(SWT.Selection, event -> {
            String chosen = new DirectoryDialog(getShell()).open();
            if (chosen != null) {
                site.setText(chosen);
            }
        });
        new Label(from, SWT.NONE).setText(Texts.get(locale, "plugins.feature"));
        feature = new Text(from, SWT.BORDER);
        feature.setMessage("org.moneytree.sector.retail.feature");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(feature);
        install = new Button(from, SWT.PUSH);
        install.setText(Texts.get(locale, "plugins.install"));
        install.addListener(SWT.Selection, event -> installFromSite());
        site.addListener(SWT.Modify, event -> enable());
        feature.addListener(SWT.Modify, event -> enable());

        message = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(760, SWT.DEFAULT).applyTo(message);
        Label failed = new Label(area, SWT.NONE);
        failed.setText(Texts.get(locale, "plugins.failures"));
        GridDataFactory.fillDefaults().span(2, 1).applyTo(failed);
        failures = new org.eclipse.swt.widgets.List(area, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(760, 80).applyTo(failures);
        enable();
        reload(null);
        return area;
    }

    private void column(String title, int width, Function<Plugin, String> text) {
        TextColumns.add(viewer, Texts.get(locale, title), width, Plugin.class, text);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    private boolean busy() {
        return !operation.isDone();
    }

    private void enable() {
        if (install == null || install.isDisposed()) {
            return;
        }
        Plugin selected = selected();
        uninstall.setEnabled(!busy() && selected != null && !selected.partOfProduct());
        install.setEnabled(!busy() && !site.getText().isBlank() && !feature.getText().isBlank());
    }

    private Plugin selected() {
        return (Plugin) ((IStructuredSelection) viewer.getSelection()).getFirstElement();
    }

    /** The update site as typed: a URI with a scheme ({@code file:}, {@code jar:}, {@code https:}) or a folder. */
    static URI siteUri(String text) {
        String typed = text.strip();
        try {
            URI uri = new URI(typed);
            if (uri.getScheme() != null && uri.getScheme().length() > 1) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // a folder's path with characters a URI does not take
        }
        return Path.of(typed).toAbsolutePath().normalize().toUri();
    }

    private void installFromSite() {
        String featureId = feature.getText().strip();
        URI uri = siteUri(site.getText());
        run(Texts.get(locale, "plugins.installing", featureId, uri), () -> plugins.install(featureId, uri));
    }

    private void uninstallSelected() {
        Plugin plugin = selected();
        if (plugin != null) {
            run(Texts.get(locale, "plugins.uninstalling", plugin.featureId()), () -> plugins.uninstall(plugin.featureId()));
        }
    }

    /** Runs an install or uninstall on a job, then shows its answer (or why it failed) and reads the list again. */
    private void run(String name, Callable<String> task) {
        CompletableFuture<String> done = new CompletableFuture<>();
        operation = done;
        message.setText(name + "…");
        enable();
        TaskJob job = new TaskJob(name, task);
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                IStatus status = event.getResult();
                String answer = status.isOK() ? job.answer() : Texts.get(locale, "plugins.failed", status.getMessage());
                sync.asyncExec(() -> reload(answer));
            }
        });
        job.schedule();
    }

    /** Reads the installed features and the failures on a job, and shows them with the answer given. */
    private void reload(String answer) {
        CompletableFuture<String> done = operation.isDone() ? new CompletableFuture<>() : operation;
        operation = done;
        AtomicReference<List<Plugin>> found = new AtomicReference<>(List.of());
        AtomicReference<List<PluginFailure>> failed = new AtomicReference<>(List.of());
        AtomicReference<String> problem = new AtomicReference<>();
        TaskJob listing = new TaskJob(Texts.get(locale, "plugins.reading"), () -> {
            try {
                found.set(plugins.installed());
            } catch (Exception e) {
                problem.set(Texts.get(locale, "plugins.unreadable", e.getMessage()));
            }
            failed.set(plugins.failures());
            return "";
        });
        listing.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                sync.asyncExec(() -> {
                    if (viewer.getControl().isDisposed()) {
                        done.complete(answer);
                        return;
                    }
                    viewer.setInput(found.get());
                    failures.removeAll();
                    List<PluginFailure> each = failed.get();
                    if (each.isEmpty()) {
                        failures.add(Texts.get(locale, "plugins.nofailures"));
                    }
                    for (PluginFailure failure : each) {
                        failures.add(failure.bundle() + (failure.component().isEmpty() ? "" : " (" + failure.component()
                                + ")") + ": " + failure.reason());
                    }
                    String shown = answer != null ? answer : problem.get();
                    if (shown != null) {
                        message.setText(shown);
                    } else if (!message.getText().endsWith("…")) {
                        message.setText("");
                    }
                    message.getParent().layout(true, true);
                    done.complete(shown);
                    enable();
                });
            }
        });
        listing.schedule();
    }

    /** The last install, uninstall or reading of the list: completes on the UI thread with the answer shown. */
    public CompletableFuture<String> operation() {
        return operation;
    }

    TableViewer viewer() {
        return viewer;
    }

    Text siteInput() {
        return site;
    }

    Text featureInput() {
        return feature;
    }

    Button installButton() {
        return install;
    }

    Button uninstallButton() {
        return uninstall;
    }

    String message() {
        return message.getText();
    }

    String[] failuresShown() {
        return failures.getItems();
    }
}
