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
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.moneytree.api.archive.Customer;
import org.moneytree.api.archive.CustomerArchive;
import org.moneytree.api.profit.Period;
import org.moneytree.api.report.PeriodResults;
import org.moneytree.api.report.ReportData;
import org.moneytree.api.report.ViewException;
import org.moneytree.api.tier.StoredTier;

/**
 * The searchable account list of the Accounts perspective. Typing searches the dataset's customers by id or name:
 * the key-account archive ({@link CustomerArchive#find}, at most {@value #LIMIT}), then the customers of the latest
 * analysed period whose id contains the text (a dataset analysed from a purchase file has no archive), each with
 * its tier in that period. Selecting a customer opens its account profile (it sets {@link Keys#CUSTOMER}); Enter on
 * an id that was not found opens it all the same. Searches run on a background job.
 */
public class AccountsPart {

    private static final Logger LOG = Logger.getLogger(AccountsPart.class.getName());

    /** The most customers listed for one search. */
    static final int LIMIT = 50;

    @Inject
    @Optional
    CustomerArchive archive;

    @Inject
    @Optional
    ReportData data;

    @Inject
    UISynchronize sync;

    @Inject
    @Optional
    MApplication application;

    private Locale locale = Locale.getDefault();
    private String dataset;
    private Text search;
    private TableViewer viewer;
    private Label count;
    private int searches;
    private CompletableFuture<List<Match>> searching = CompletableFuture.completedFuture(List.of());

    /**
     * A customer found.
     *
     * @param id the customer's id
     * @param name its name in the archive, or an empty text
     * @param tier its tier in the latest period, or {@code null}
     * @param source where it was found
     */
    public record Match(String id, String name, String tier, String source) {
    }

    @PostConstruct
    void create(Composite parent, @Optional @Named(TranslationService.LOCALE) Object locale) {
        this.locale = Keys.locale(locale);
        GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(parent);
        search = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        search.setMessage(Texts.get(this.locale, "search"));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(search);
        search.addListener(SWT.Modify, event -> search());
        search.addListener(SWT.DefaultSelection, event -> {
            String text = search.getText().strip();
            if (!text.isEmpty() && viewer.getTable().getItemCount() == 0) {
                open(text);
            } else if (viewer.getTable().getItemCount() > 0) {
                open(((Match) viewer.getElementAt(0)).id());
            }
        });
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getTable());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("customer.id", 90, match -> match.id());
        column("customer.name", 180, match -> match.name());
        column("customer.tier", 70, match -> match.tier() == null ? ""
                : Formats.format(org.moneytree.api.report.ValueType.TIER, match.tier(), this.locale));
        column("customer.source", 110, match -> match.source());
        viewer.addSelectionChangedListener(event -> {
            Object chosen = viewer.getStructuredSelection().getFirstElement();
            if (chosen != null) {
                open(((Match) chosen).id());
            }
        });
        count = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(count);
        search();
    }

    private void column(String title, int width, java.util.function.Function<Match, String> text) {
        TextColumns.add(viewer, Texts.get(locale, title), width, Match.class, text);
    }

    @Focus
    void focus() {
        if (search != null && !search.isDisposed()) {
            search.setFocus();
        }
    }

    @Inject
    void datasetChanged(@Optional @Named(Keys.DATASET) String dataset) {
        this.dataset = dataset;
        if (search != null && !search.isDisposed()) {
            search();
        }
    }

    private void open(String customerId) {
        if (application != null) {
            application.getContext().set(Keys.CUSTOMER, customerId);
        }
    }

    /** Searches for the text in the box on a background job, and lists what it finds. */
    public void search() {
        int generation = ++searches;
        CompletableFuture<List<Match>> done = new CompletableFuture<>();
        searching = done;
        String text = search.getText().strip();
        String forDataset = dataset;
        if (forDataset == null) {
            list(List.of(), done);
            return;
        }
        Job job = Job.create(Texts.get(locale, "search"), monitor -> {
            List<Match> found = find(forDataset, text);
            sync.asyncExec(() -> {
                if (generation == searches && !viewer.getTable().isDisposed()) {
                    list(found, done);
                } else {
                    done.complete(found);
                }
            });
            return Status.OK_STATUS;
        });
        job.schedule();
    }

    private List<Match> find(String dataset, String text) {
        Map<String, Match> found = new LinkedHashMap<>();
        Map<String, String> tiers = new java.util.HashMap<>();
        List<StoredTier> latest = List.of();
        Period period = null;
        if (data != null) {
            try {
                period = data.latest(dataset, locale);
                PeriodResults results = data.results(dataset, period, locale);
                latest = results.tiers();
                for (StoredTier tier : latest) {
                    tiers.put(tier.customerId(), tier.tier().id());
                }
            } catch (ViewException e) {
                LOG.log(Level.FINE, "no analysed period for " + dataset, e);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the latest tiers of " + dataset + " could not be read", e);
            }
        }
        if (archive != null) {
            try {
                for (Customer customer : archive.find(dataset, text, LIMIT)) {
                    found.put(customer.id(), new Match(customer.id(), customer.name(), tiers.get(customer.id()),
                            Texts.get(locale, "source.archive")));
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the archive search failed", e);
            }
        }
        String wanted = text.toLowerCase(Locale.ROOT);
        List<StoredTier> matching = new ArrayList<>();
        for (StoredTier tier : latest) {
            if (found.size() + matching.size() >= LIMIT) {
                break;
            }
            if (!found.containsKey(tier.customerId()) && tier.customerId().toLowerCase(Locale.ROOT).contains(wanted)) {
                matching.add(tier);
            }
        }
        for (StoredTier tier : matching) {
            found.put(tier.customerId(), new Match(tier.customerId(), "", tier.tier().id(),
                    Texts.get(locale, "source.tiers", period)));
        }
        return List.copyOf(found.values());
    }

    private void list(List<Match> matches, CompletableFuture<List<Match>> done) {
        viewer.setInput(matches);
        count.setText(dataset == null ? Texts.get(locale, "no.dataset") : Texts.get(locale, "customers.found", matches.size()));
        done.complete(matches);
    }

    /** The last search: completes on the UI thread with what it listed. */
    public CompletableFuture<List<Match>> searching() {
        return searching;
    }

    /** The search box. */
    public Text searchBox() {
        return search;
    }

    /** The list of customers found. */
    public TableViewer viewer() {
        return viewer;
    }
}
