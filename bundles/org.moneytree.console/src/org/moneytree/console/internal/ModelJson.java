package org.moneytree.console.internal;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.moneytree.api.report.ViewModel;

/**
 * The JSON of the last view models sent, by the models' identity: the standard views hand out the same model to
 * every request of a period until it is analysed again, and writing a big one (the migration's four tables of 500
 * movers, about 200 KB) cost more than everything else in such a request under load. A view that renders a new
 * model per request simply misses. Models are held weakly, so what the views drop goes here too.
 */
final class ModelJson {

    /** How many models' JSON is kept. */
    static final int KEPT = 32;

    private record Entry(WeakReference<ViewModel> model, byte[] json) {
    }

    /** The most recently used last. */
    private final List<Entry> entries = new ArrayList<>();

    /** The model as UTF-8 JSON: kept, or written now and kept. */
    byte[] json(ViewModel model) {
        synchronized (entries) {
            for (Iterator<Entry> each = entries.iterator(); each.hasNext();) {
                Entry entry = each.next();
                ViewModel kept = entry.model().get();
                if (kept == null) {
                    each.remove();
                } else if (kept == model) {
                    each.remove();
                    entries.add(entry);
                    return entry.json();
                }
            }
        }
        // written outside the lock: two requests for a new model may both write it, which is harmless
        byte[] json = Json.GSON.toJson(model).getBytes(StandardCharsets.UTF_8);
        synchronized (entries) {
            entries.add(new Entry(new WeakReference<>(model), json));
            while (entries.size() > KEPT) {
                entries.remove(0);
            }
        }
        return json;
    }
}
