package org.moneytree.report.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.moneytree.api.profit.Period;
import org.moneytree.api.report.PeriodResults;
import org.moneytree.api.report.ViewException;

/**
 * The analysed periods, one future per dataset and period: the first request of a period computes it in its own
 * thread while every other request for it waits on the same future, so fifty users opening a view at once cost one
 * analysis. An entry is valid for one {@link Stamp} (the period's run and overrides); a request that sees a newer
 * stamp starts a new computation. The least recently used entries are dropped beyond a number of periods or of
 * customers, since a period of a million customers takes a few hundred MB; the entry asked for last always stays.
 */
final class ResultsCache {

    /** What a cached period is. */
    record Key(String dataset, Period period) {
    }

    /** A computation of a period's results; may throw {@link ViewException}. */
    @FunctionalInterface
    interface Computation {
        PeriodResults compute() throws ViewException;
    }

    private record Entry(Stamp stamp, CompletableFuture<PeriodResults> future) {
    }

    private final int maxPeriods;
    private final long maxCustomers;
    /** In access order: the eldest is the least recently used. */
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    ResultsCache(int maxPeriods, long maxCustomers) {
        this.maxPeriods = Math.max(1, maxPeriods);
        this.maxCustomers = Math.max(1, maxCustomers);
    }

    /**
     * The results of a period as of {@code stamp}: the kept ones, the ones being computed, or computed now in this
     * thread.
     */
    PeriodResults get(Key key, Stamp stamp, Computation computation) throws ViewException {
        Objects.requireNonNull(stamp, "stamp");
        Entry entry;
        boolean ours = false;
        synchronized (this) {
            entry = entries.get(key);
            // A request that read the runs just before a re-run must not replace the newer entry with older figures.
            if (entry == null || !entry.stamp().equals(stamp) && !entry.stamp().newerThan(stamp)) {
                entry = new Entry(stamp, new CompletableFuture<>());
                entries.put(key, entry);
                ours = true;
                evict();
            }
        }
        if (ours) {
            try {
                entry.future().complete(computation.compute());
            } catch (ViewException | RuntimeException | Error e) {
                entry.future().completeExceptionally(e);
                synchronized (this) {
                    // a failure is not kept: the next request tries again (a plugin may be back by then)
                    entries.remove(key, entry);
                }
            }
        }
        try {
            return entry.future().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ViewException failure) {
                throw new ViewException(failure.getMessage(), failure);
            }
            if (cause instanceof RuntimeException failure) {
                throw failure;
            }
            if (cause instanceof Error failure) {
                throw failure;
            }
            throw e;
        }
    }

    private void evict() {
        long customers = 0;
        for (Entry entry : entries.values()) {
            customers += entry.stamp().run().customers();
        }
        Iterator<Map.Entry<Key, Entry>> eldest = entries.entrySet().iterator();
        while (entries.size() > 1 && (entries.size() > maxPeriods || customers > maxCustomers)) {
            Entry dropped = eldest.next().getValue();
            customers -= dropped.stamp().run().customers();
            // requests already waiting on it still get their results; later ones compute again
            eldest.remove();
        }
    }
}
