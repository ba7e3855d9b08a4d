package org.moneytree.console.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.moneytree.api.report.PeriodResults;
import org.moneytree.api.tier.StoredTier;

/**
 * The customers of one period's stored tiers, searchable by id, for the customer search of a dataset of a million
 * customers: all ids in lower case in one text, each between two line feeds, in which {@link String#indexOf} (a
 * vectorised intrinsic) runs through a million ids in a few milliseconds, and where each id starts. Built once per
 * {@link PeriodResults} object, which {@code ReportData} keeps until the period is analysed again, so that searches
 * neither copy nor lower-case the ids again.
 */
final class TierSearch {

    private final PeriodResults source;
    private final List<StoredTier> tiers;
    /** {@code "\n" + id0 + "\n" + id1 + ... + "\n"}, in lower case. */
    private final String text;
    /** Where each id starts in {@link #text}, ascending. */
    private final int[] starts;

    private TierSearch(PeriodResults source) {
        this.source = source;
        this.tiers = source.tiers();
        this.starts = new int[tiers.size()];
        StringBuilder all = new StringBuilder(tiers.size() * 10 + 1).append('\n');
        for (int index = 0; index < tiers.size(); index++) {
            starts[index] = all.length();
            all.append(tiers.get(index).customerId().toLowerCase(Locale.ROOT)).append('\n');
        }
        this.text = all.toString();
    }

    /** The search over a period's results: {@code kept} when it was built from the same object, else a new one. */
    static TierSearch of(PeriodResults results, TierSearch kept) {
        return kept != null && kept.source == results ? kept : new TierSearch(results);
    }

    /**
     * Up to {@code limit} stored tiers whose customer id contains {@code needle}, ignoring case: the id equal to it
     * first, then ids that start with it, then the others, each in id order. One pass through the text at most,
     * ended early once enough ids equal or start with the needle. An empty needle answers the first customers.
     */
    List<StoredTier> find(String needle, int limit) {
        String lower = needle.toLowerCase(Locale.ROOT);
        List<StoredTier> found = new ArrayList<>();
        if (limit <= 0 || lower.indexOf('\n') >= 0) {
            return found;
        }
        if (lower.isEmpty()) {
            return new ArrayList<>(tiers.subList(0, Math.min(limit, tiers.size())));
        }
        List<StoredTier> equal = new ArrayList<>();
        List<StoredTier> starting = new ArrayList<>();
        List<StoredTier> containing = new ArrayList<>();
        int from = 0;
        while (equal.size() + starting.size() < limit) {
            int at = text.indexOf(lower, from);
            if (at < 0) {
                break;
            }
            int position = Arrays.binarySearch(starts, at);
            int index = position >= 0 ? position : -position - 2;
            if (position < 0) {
                if (containing.size() < limit) {
                    containing.add(tiers.get(index));
                }
            } else if (text.charAt(at + lower.length()) == '\n') {
                equal.add(tiers.get(index));
            } else {
                starting.add(tiers.get(index));
            }
            // on to the next customer: an id counts once
            from = index + 1 < starts.length ? starts[index + 1] : text.length();
        }
        found.addAll(equal);
        found.addAll(starting);
        found.addAll(containing);
        return found.size() > limit ? new ArrayList<>(found.subList(0, limit)) : found;
    }

    /** The stored tier of one customer, by exact id, or {@code null}. */
    StoredTier tier(String customerId) {
        int low = 0;
        int high = tiers.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = tiers.get(middle).customerId().compareTo(customerId);
            if (order == 0) {
                return tiers.get(middle);
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        // The database sorted the ids by its collation, which need not be Java's order: look through the text.
        String line = "\n" + customerId.toLowerCase(Locale.ROOT) + "\n";
        for (int at = text.indexOf(line); at >= 0; at = text.indexOf(line, at + 1)) {
            StoredTier candidate = tiers.get(Arrays.binarySearch(starts, at + 1));
            if (candidate.customerId().equals(customerId)) {
                return candidate;
            }
        }
        return null;
    }
}
