package org.moneytree.desktop.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.moneytree.api.report.ReportView;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The reporting views the workbench offers: every {@link ReportView} service, as it comes and goes (the
 * whiteboard). The Views menu and the view parts read it; they are told of every change through
 * {@link #addListener}, on the thread of the service event (never the UI thread: they hand the change over).
 * A view that fails to say its id, title or group is left out, so that one broken plugin cannot empty the menu.
 */
@Component(service = ViewCatalog.class)
public class ViewCatalog {

    private static final Logger LOG = Logger.getLogger(ViewCatalog.class.getName());

    /** The views by id; a second view with an id already taken is ignored until the first goes. */
    private final Map<String, ReportView> views = new ConcurrentSkipListMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addView(ReportView view) {
        String id;
        try {
            id = view.id();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a reporting view failed to say its id; it is left out", e);
            return;
        }
        if (id != null && views.putIfAbsent(id, view) == null) {
            changed();
        }
    }

    void removeView(ReportView view) {
        if (views.values().removeIf(each -> each == view)) {
            changed();
        }
    }

    private void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a listener of the view catalog failed", e);
            }
        }
    }

    /**
     * Registers a listener called after every view that comes or goes.
     *
     * @return what removes the listener again
     */
    public AutoCloseable addListener(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The view with the given id, while its service is registered. */
    public Optional<ReportView> view(String id) {
        return Optional.ofNullable(views.get(id));
    }

    /** The ids of the views, sorted. */
    public List<String> ids() {
        return List.copyOf(views.keySet());
    }

    /**
     * The views grouped by {@link ReportView#group} in the language: groups in the order of their first view
     * when views are ordered by group then title; views by title within a group.
     */
    public Map<String, List<Entry>> grouped(Locale locale) {
        List<Entry> entries = new ArrayList<>();
        for (ReportView view : views.values()) {
            try {
                entries.add(new Entry(view.id(), view.title(locale), view.group(locale)));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a reporting view failed to describe itself; it is left out of the menu", e);
            }
        }
        entries.sort(Comparator.comparing(Entry::group).thenComparing(Entry::title));
        Map<String, List<Entry>> groups = new LinkedHashMap<>();
        for (Entry entry : entries) {
            groups.computeIfAbsent(entry.group(), group -> new ArrayList<>()).add(entry);
        }
        return groups;
    }

    /**
     * A view as the menu shows it.
     *
     * @param id the view's id
     * @param title its title in the menu's language
     * @param group its group in the menu's language
     */
    public record Entry(String id, String title, String group) {
    }
}
