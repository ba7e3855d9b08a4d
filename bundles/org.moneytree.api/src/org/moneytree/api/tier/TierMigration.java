package org.moneytree.api.tier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.moneytree.api.profit.Period;

/**
 * How customers moved between the tiers of two periods: the migration matrix, and who moved up, down, in and
 * out. The matrix's rows are the tiers of {@code from}, its columns those of {@code to}, in the order
 * platinum, gold, iron, lead, and a last row and column for customers not present in that period (new
 * customers in the last row, lost ones in the last column).
 *
 * @param from the earlier period
 * @param to the later period
 * @param counts a 5 by 5 matrix of customer counts
 * @param up customers in a better tier in {@code to}, sorted by customer id
 * @param down customers in a worse tier in {@code to}
 * @param added customers only in {@code to}
 * @param lost customers only in {@code from}
 */
public record TierMigration(Period from, Period to, int[][] counts, List<Move> up, List<Move> down, List<Move> added,
        List<Move> lost) {

    /** Index of the "not present" row and column of {@link #counts()}. */
    public static final int ABSENT = 4;

    public TierMigration {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        up = List.copyOf(up);
        down = List.copyOf(down);
        added = List.copyOf(added);
        lost = List.copyOf(lost);
    }

    /**
     * One customer's move.
     *
     * @param customerId the customer
     * @param from its tier in the earlier period, or {@code null} when it was not there
     * @param to its tier in the later period, or {@code null} when it is not there
     */
    public record Move(String customerId, Tier from, Tier to) {
    }

    /** The number of customers that went from tier {@code from} to tier {@code to}. */
    public int count(Tier from, Tier to) {
        return counts[from.ordinal()][to.ordinal()];
    }

    /**
     * Compares the tiers in force in two periods.
     *
     * @param from the earlier period
     * @param to the later period
     * @param fromTiers the earlier period's stored tiers
     * @param toTiers the later period's stored tiers
     */
    public static TierMigration between(Period from, Period to, List<StoredTier> fromTiers, List<StoredTier> toTiers) {
        Map<String, Tier> before = new HashMap<>(fromTiers.size() * 2);
        fromTiers.forEach(stored -> before.put(stored.customerId(), stored.tier()));
        int[][] counts = new int[5][5];
        List<Move> up = new ArrayList<>();
        List<Move> down = new ArrayList<>();
        List<Move> added = new ArrayList<>();
        List<Move> lost = new ArrayList<>();
        Map<String, Tier> after = new HashMap<>(toTiers.size() * 2);
        for (StoredTier stored : toTiers) {
            after.put(stored.customerId(), stored.tier());
            Tier earlier = before.get(stored.customerId());
            Tier later = stored.tier();
            counts[earlier == null ? ABSENT : earlier.ordinal()][later.ordinal()]++;
            if (earlier == null) {
                added.add(new Move(stored.customerId(), null, later));
            } else if (later.ordinal() < earlier.ordinal()) {
                up.add(new Move(stored.customerId(), earlier, later));
            } else if (later.ordinal() > earlier.ordinal()) {
                down.add(new Move(stored.customerId(), earlier, later));
            }
        }
        for (StoredTier stored : fromTiers) {
            if (!after.containsKey(stored.customerId())) {
                counts[stored.tier().ordinal()][ABSENT]++;
                lost.add(new Move(stored.customerId(), stored.tier(), null));
            }
        }
        for (List<Move> moves : List.of(up, down, added, lost)) {
            moves.sort((a, b) -> a.customerId().compareTo(b.customerId()));
        }
        return new TierMigration(from, to, counts, up, down, added, lost);
    }
}
