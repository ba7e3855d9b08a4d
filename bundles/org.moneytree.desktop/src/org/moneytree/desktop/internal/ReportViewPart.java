package org.moneytree.desktop.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.moneytree.api.profit.Period;
import org.moneytree.api.report.ReportData;
import org.moneytree.api.report.ReportView;
import org.moneytree.api.report.ViewException;
import org.moneytree.api.report.ViewModel;
import org.moneytree.api.report.ViewParameter;
import org.moneytree.api.report.ViewRequest;
import org.moneytree.api.tier.Tier;

/**
 * The generic view part: shows any {@link ReportView} (the one named by the part's persisted state
 * {@link Keys#VIEW}) for the dataset of the workbench. Above the view, a small form asks for the view's parameters
 * (periods and tiers as choices, the rest as text, checked by kind before the view is asked); the view renders on
 * a background job and its {@link ViewModel} is drawn by {@link ViewModelControl} on the UI thread. A
 * {@link ViewException} is shown as its message, anything else a view throws as "the view X failed", and a view
 * whose plugin goes away leaves a message saying so; none of them closes the part or the workbench.
 */
public class ReportViewPart {

    private static final Logger LOG = Logger.getLogger(ReportViewPart.class.getName());

    @Inject
    ViewCatalog catalog;

    @Inject
    @Optional
    ReportData data;

    @Inject
    UISynchronize sync;

    @Inject
    @Optional
    MApplication application;

    private String viewId;
    private Locale locale = Locale.getDefault();
    private String dataset;
    private String customer;
    private boolean viewPresent;

    private Composite form;
    private Label message;
    private ScrolledComposite scrolled;
    private ViewModelControl content;
    private ViewModel shownModel;
    private Long refreshCount;
    private final Map<String, Control> inputs = new LinkedHashMap<>();
    private List<Period> periods = List.of();
    private AutoCloseable catalogListener;
    private int renders;
    private CompletableFuture<ViewModelControl> rendering = CompletableFuture.completedFuture(null);

    @PostConstruct
    void create(Composite parent, @Optional MPart part, @Optional @Named(TranslationService.LOCALE) Object locale) {
        this.locale = Keys.locale(locale);
        this.viewId = part == null ? null : part.getPersistedState().get(Keys.VIEW);
        GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(parent);
        form = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(form);
        message = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).exclude(true).applyTo(message);
        message.setVisible(false);
        scrolled = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scrolled.setExpandHorizontal(true);
        scrolled.setExpandVertical(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(scrolled);
        scrolled.addListener(SWT.Resize, event -> resizeContent());
        viewPresent = viewId != null && catalog.view(viewId).isPresent();
        buildForm();
        catalogListener = catalog.addListener(() -> sync.asyncExec(this::catalogChanged));
        render();
    }

    @PreDestroy
    void dispose() throws Exception {
        if (catalogListener != null) {
            catalogListener.close();
        }
    }

    @Focus
    void focus() {
        if (form != null && !form.isDisposed()) {
            form.setFocus();
        }
    }

    /** The workbench's dataset changed (or was set before the part was made). */
    @Inject
    void datasetChanged(@Optional @Named(Keys.DATASET) String dataset) {
        if (java.util.Objects.equals(this.dataset, dataset)) {
            return;
        }
        this.dataset = dataset;
        if (form != null && !form.isDisposed() && dataset != null) {
            render();
        }
    }

    /** An import or an analysis stored something: render again (a re-run's tiers replace the period's results). */
    @Inject
    void refreshed(@Optional @Named(Keys.REFRESH) Long count) {
        boolean changed = count != null && !count.equals(refreshCount);
        refreshCount = count;
        if (changed && form != null && !form.isDisposed() && dataset != null) {
            render();
        }
    }

    /** A customer was opened somewhere: a view that takes a customer shows it. */
    @Inject
    void customerChanged(@Optional @Named(Keys.CUSTOMER) String customer) {
        this.customer = customer;
        if (form == null || form.isDisposed() || customer == null) {
            return;
        }
        for (Map.Entry<String, Control> input : inputs.entrySet()) {
            if (input.getValue().getData("moneytree.kind") == ViewParameter.Kind.CUSTOMER) {
                ((Text) input.getValue()).setText(customer);
                render();
                return;
            }
        }
    }

    private void catalogChanged() {
        if (form == null || form.isDisposed()) {
            return;
        }
        boolean present = viewId != null && catalog.view(viewId).isPresent();
        if (present != viewPresent) {
            viewPresent = present;
            buildForm();
            render();
        }
    }

    private void buildForm() {
        for (Control child : form.getChildren()) {
            child.dispose();
        }
        inputs.clear();
        List<ViewParameter> parameters = new ArrayList<>();
        java.util.Optional<ReportView> view = viewId == null ? java.util.Optional.<ReportView>empty() : catalog.view(viewId);
        if (view.isPresent()) {
            try {
                parameters.addAll(view.get().parameters());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the view " + viewId + " failed to list its parameters", e);
            }
        }
        GridLayoutFactory.fillDefaults().numColumns(parameters.size() * 2 + 1).applyTo(form);
        for (ViewParameter parameter : parameters) {
            Label label = new Label(form, SWT.NONE);
            label.setText(parameter.label(locale) + (parameter.required() ? " *" : ""));
            Control input = switch (parameter.kind()) {
                case PERIOD -> {
                    Combo combo = new Combo(form, SWT.DROP_DOWN);
                    fillPeriods(combo);
                    yield combo;
                }
                case TIER -> {
                    Combo combo = new Combo(form, SWT.DROP_DOWN | SWT.READ_ONLY);
                    combo.add(parameter.required() ? "" : Texts.get(locale, "any"));
                    for (Tier tier : Tier.values()) {
                        combo.add(tier.label(locale));
                    }
                    combo.select(0);
                    yield combo;
                }
                default -> {
                    Text text = new Text(form, SWT.BORDER);
                    if (parameter.kind() == ViewParameter.Kind.CUSTOMER && customer != null) {
                        text.setText(customer);
                    }
                    text.addListener(SWT.DefaultSelection, event -> render());
                    yield text;
                }
            };
            input.setData("moneytree.kind", parameter.kind());
            input.setData("moneytree.parameter", parameter);
            GridDataFactory.fillDefaults().hint(parameter.kind() == ViewParameter.Kind.TIER ? SWT.DEFAULT : 110,
                    SWT.DEFAULT).applyTo(input);
            inputs.put(parameter.id(), input);
        }
        Button show = new Button(form, SWT.PUSH);
        show.setText(Texts.get(locale, "show"));
        show.addListener(SWT.Selection, event -> render());
        form.getParent().layout(true, true);
    }

    private void fillPeriods(Combo combo) {
        String chosen = combo.getText();
        combo.removeAll();
        combo.add("");
        for (int index = periods.size() - 1; index >= 0; index--) {
            combo.add(periods.get(index).toString());
        }
        combo.setText(chosen);
    }

    /** The parameters as the view gets them; throws with the message to show when one is not right. */
    private Map<String, String> parameterValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, Control> input : inputs.entrySet()) {
            ViewParameter parameter = (ViewParameter) input.getValue().getData("moneytree.parameter");
            String label = parameter.label(locale);
            String value;
            if (parameter.kind() == ViewParameter.Kind.TIER) {
                int index = ((Combo) input.getValue()).getSelectionIndex();
                value = index <= 0 ? "" : Tier.values()[index - 1].id();
            } else if (input.getValue() instanceof Combo combo) {
                value = combo.getText().strip();
            } else {
                value = ((Text) input.getValue()).getText().strip();
            }
            if (value.isEmpty()) {
                // a required period left empty is the dataset's latest, found on the render job
                if (parameter.required() && parameter.kind() != ViewParameter.Kind.PERIOD) {
                    throw new IllegalArgumentException(Texts.get(locale, "parameter.required", label));
                }
                continue;
            }
            switch (parameter.kind()) {
                case INTEGER -> {
                    try {
                        Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(Texts.get(locale, "parameter.integer", label, value));
                    }
                }
                case PERIOD -> {
                    try {
                        Period.parse(value);
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException(Texts.get(locale, "parameter.period", label, value));
                    }
                }
                default -> {
                }
            }
            values.put(parameter.id(), value);
        }
        return values;
    }

    /** Asks the view for its model on a background job and draws it when it comes. */
    public void render() {
        int generation = ++renders;
        CompletableFuture<ViewModelControl> done = new CompletableFuture<>();
        rendering = done;
        java.util.Optional<ReportView> view = viewId == null ? java.util.Optional.<ReportView>empty() : catalog.view(viewId);
        if (view.isEmpty()) {
            show(null, Texts.get(locale, "view.gone", String.valueOf(viewId)), done);
            return;
        }
        if (dataset == null) {
            show(null, Texts.get(locale, "no.dataset"), done);
            return;
        }
        Map<String, String> values;
        try {
            values = parameterValues();
        } catch (IllegalArgumentException e) {
            show(null, e.getMessage(), done);
            return;
        }
        // the first look at a large dataset's period takes seconds: say so until the model comes
        message.setText(Texts.get(locale, "loading", reportView(view.get())));
        message.setVisible(true);
        ((org.eclipse.swt.layout.GridData) message.getLayoutData()).exclude = false;
        message.getParent().layout(true, true);
        ReportView reportView = view.get();
        String forDataset = dataset;
        ReportData reportData = data;
        List<String> latestFor = new ArrayList<>();
        for (Map.Entry<String, Control> input : inputs.entrySet()) {
            ViewParameter parameter = (ViewParameter) input.getValue().getData("moneytree.parameter");
            if (parameter.required() && parameter.kind() == ViewParameter.Kind.PERIOD && !values.containsKey(parameter.id())) {
                latestFor.add(parameter.id());
            }
        }
        Job job = Job.create(Texts.get(locale, "loading", viewId), monitor -> {
            ViewModel model = null;
            String error = null;
            List<Period> knownPeriods = List.of();
            Map<String, String> asked = new LinkedHashMap<>(values);
            try {
                if (reportData != null) {
                    knownPeriods = reportData.periods(forDataset);
                    if (!latestFor.isEmpty()) {
                        String latest = reportData.latest(forDataset, locale).toString();
                        latestFor.forEach(id -> asked.put(id, latest));
                    }
                }
                model = reportView.render(new ViewRequest(forDataset, asked, locale));
            } catch (ViewException e) {
                error = e.getMessage();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "the view " + viewId + " failed", e);
                error = Texts.get(locale, "view.failed", viewId, String.valueOf(e.getMessage() == null ? e : e.getMessage()));
            }
            ViewModel rendered = model;
            String problem = error;
            List<Period> found = knownPeriods;
            sync.asyncExec(() -> {
                if (generation != renders || form.isDisposed()) {
                    done.complete(null);
                    return;
                }
                if (!found.equals(periods)) {
                    periods = found;
                    inputs.values().stream().filter(input -> input.getData("moneytree.kind") == ViewParameter.Kind.PERIOD)
                            .forEach(input -> fillPeriods((Combo) input));
                }
                for (String id : latestFor) {
                    if (asked.containsKey(id)) {
                        ((Combo) inputs.get(id)).setText(asked.get(id));
                    }
                }
                show(rendered, problem, done);
            });
            return Status.OK_STATUS;
        });
        job.schedule();
    }

    private String reportView(ReportView view) {
        try {
            return view.title(locale);
        } catch (RuntimeException e) {
            return viewId;
        }
    }

    private void show(ViewModel model, String problem, CompletableFuture<ViewModelControl> done) {
        if (content != null) {
            content.body().dispose();
            content = null;
        }
        shownModel = null;
        Composite holder = new Composite(scrolled, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(holder);
        if (model != null) {
            try {
                content = new ViewModelControl(holder, model, locale, this::openCustomer);
                shownModel = model;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the model of the view " + viewId + " could not be drawn", e);
                problem = Texts.get(locale, "view.failed", viewId, e.getMessage());
                content = null;
            }
        }
        Control old = scrolled.getContent();
        scrolled.setContent(holder);
        if (old != null) {
            old.dispose();
        }
        message.setText(problem == null ? "" : problem);
        message.setVisible(problem != null);
        ((org.eclipse.swt.layout.GridData) message.getLayoutData()).exclude = problem == null;
        resizeContent();
        message.getParent().layout(true, true);
        done.complete(content);
    }

    private void resizeContent() {
        Control holder = scrolled.getContent();
        if (holder != null && !holder.isDisposed()) {
            int width = Math.max(scrolled.getClientArea().width, 300);
            scrolled.setMinSize(holder.computeSize(width, SWT.DEFAULT));
        }
    }

    /** Opens a customer's account profile: every part that shows a customer follows. */
    private void openCustomer(String customerId) {
        if (application != null) {
            application.getContext().set(Keys.CUSTOMER, customerId);
        }
    }

    /** The id of the view shown. */
    public String viewId() {
        return viewId;
    }

    /** The last render: completes on the UI thread with what was drawn ({@code null} when a message was shown). */
    public CompletableFuture<ViewModelControl> rendering() {
        return rendering;
    }

    /** The model drawn now (what File › Export view… writes), or {@code null} when a message is shown instead. */
    public ViewModel model() {
        return shownModel;
    }

    /** The dataset the part shows, or {@code null} before one is chosen. */
    public String dataset() {
        return dataset;
    }

    /** What is drawn now, if anything. */
    public ViewModelControl content() {
        return content;
    }

    /** The message shown instead of (or besides) the view, or an empty text. */
    public String message() {
        return message.getVisible() ? message.getText() : "";
    }

    /** The parameter form's input for a parameter id: a {@link Combo} or a {@link Text}. */
    public Control input(String parameter) {
        return inputs.get(parameter);
    }
}
