package org.moneytree.report.views.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.moneytree.api.report.PeriodResults;
import org.moneytree.api.report.ViewException;

/**
 * Values computed from one or more periods' results, kept for the last few uses. With a million customers, ranking
 * amounts, comparing two periods' tiers or building a view's tables takes from a few hundred milliseconds to seconds,
 * which every request of every user would otherwise spend again (measured with 50 clients: 2 s median for the
 * pyramid, 42 s for the migration before they were kept). The first request computes while the others asking for the
 * same value wait for it. Entries are matched on the identity of the results (the report data hands out one instance
 * per period and run, and a new one after a re-run or an override) and an extra key (language, parameters); the
 * results are held weakly, so what the report data drops goes here too.
 *
 * @param <V> the kept values
 */
final class ResultsMemo<V> {

    /** A computation that may refuse with a message for the user. */
    @FunctionalInterface
    interface Computation<V> {
        V compute() throws ViewException;
    }

    private record Entry<V>(List<WeakReference<PeriodResults>> results, Object key, CompletableFuture<V> value) {

        /** -1 when some results are gone, 1 when it is for these results and key, 0 otherwise. */
        int matches(List<PeriodResults> wanted, Object wantedKey) {
            boolean same = results.size() == wanted.size() && key.equals(wantedKey);
            for (int index = 0; index < results.size(); index++) {
                PeriodResults kept = results.get(index).get();
                if (kept == null) {
                    return -1;
                }
                same &= index < wanted.size() && kept == wanted.get(index);
            }
            return same ? 1 : 0;
        }
    }

    private final int kept;
    /** The most recently used last. */
    private final List<Entry<V>> entries = new ArrayList<>();

    /** @param kept how many values are kept */
    ResultsMemo(int kept) {
        this.kept = kept;
    }

    /** The value for these results and key: kept, being computed by another request, or computed now. */
    V get(List<PeriodResults> results, Object key, Computation<V> computation) throws ViewException {
        Entry<V> entry = null;
        boolean ours = false;
        synchronized (entries) {
            for (Iterator<Entry<V>> each = entries.iterator(); each.hasNext();) {
                Entry<V> candidate = each.next();
                int match = candidate.matches(results, key);
                if (match != 0) {
                    each.remove();
                    entry = match > 0 ? candidate : entry;
                }
            }
            if (entry == null) {
                entry = new Entry<>(results.stream().map(WeakReference::new).toList(), key, new CompletableFuture<>());
                ours = true;
            }
            entries.add(entry);
            while (entries.size() > kept) {
                entries.remove(0);
            }
        }
        if (ours) {
            try {
                entry.value().complete(computation.compute());
            } catch (ViewException | RuntimeException | Error e) {
                entry.value().completeExceptionally(e);
                synchronized (entries) {
                    entries.remove(entry);
                }
                throw e;
            }
        }
        try {
            return entry.value().join();
        } catch (CompletionException e) {
            // another request's computation failed: this one gets the same answer
            Throwable cause = e.getCause();
            if (cause instanceof ViewException refused) {
                throw new ViewException(refused.getMessage(), refused);
            }
            if (cause instanceof RuntimeException failure) {
                throw failure;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** How many values are kept now, for tests. */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
