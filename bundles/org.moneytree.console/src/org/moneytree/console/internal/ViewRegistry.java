package org.moneytree.console.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.moneytree.api.report.ReportView;
import org.moneytree.api.report.ViewParameter;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@link ReportView} whiteboard as the console sees it: every registered view, live. A view whose bundle
 * stops is gone from the next request on; when two views share an id, the one with the higher service ranking
 * (then the older service) answers.
 */
@Component(service = ViewRegistry.class)
public final class ViewRegistry {

    private static final System.Logger LOG = System.getLogger(ViewRegistry.class.getName());

    /** A registered view with what the console shows of it. */
    record Entry(ReportView view, String bundle, int ranking, long serviceId) {
    }

    /** A view as the menu lists it, in one language. */
    record Listed(String id, String title, String group, List<Parameter> parameters) {
    }

    /** A parameter as the view page asks for it. */
    record Parameter(String id, ViewParameter.Kind kind, boolean required, String label) {
    }

    private static final Comparator<Entry> PREFERRED = Comparator.comparingInt(Entry::ranking).reversed()
            .thenComparingLong(Entry::serviceId);

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Reference(service = ReportView.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addView(ServiceReference<ReportView> reference, ReportView view) {
        Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
        entries.add(new Entry(view, reference.getBundle() == null ? "?" : reference.getBundle().getSymbolicName(),
                ranking instanceof Integer value ? value : 0, (Long) reference.getProperty(Constants.SERVICE_ID)));
    }

    void removeView(ServiceReference<ReportView> reference, ReportView view) {
        entries.removeIf(entry -> entry.view() == view);
    }

    /** The view answering to an id. */
    Optional<Entry> view(String id) {
        return entries.stream().filter(entry -> id.equals(safeId(entry))).min(PREFERRED);
    }

    /** The views' ids, sorted. */
    List<String> ids() {
        return entries.stream().map(ViewRegistry::safeId).filter(id -> id != null).distinct().sorted().toList();
    }

    /**
     * The views for the menu in one language, sorted by group and title. A view that fails to describe itself
     * is left out (and logged) rather than breaking the menu.
     */
    List<Listed> list(Locale locale) {
        List<Listed> listed = new ArrayList<>();
        for (String id : ids()) {
            Entry entry = view(id).orElse(null);
            if (entry == null) {
                continue;
            }
            try {
                ReportView view = entry.view();
                List<Parameter> parameters = view.parameters().stream()
                        .map(p -> new Parameter(p.id(), p.kind(), p.required(), p.label(locale))).toList();
                listed.add(new Listed(id, view.title(locale), view.group(locale), parameters));
            } catch (RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "view " + id + " of bundle " + entry.bundle()
                        + " could not describe itself and is left out of the menu", e);
            }
        }
        listed.sort(Comparator.comparing(Listed::group).thenComparing(Listed::title).thenComparing(Listed::id));
        return listed;
    }

    private static String safeId(Entry entry) {
        try {
            return entry.view().id();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
