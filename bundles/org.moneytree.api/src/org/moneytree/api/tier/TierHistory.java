package org.moneytree.api.tier;

import java.util.List;

import org.moneytree.api.profit.Period;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The kept record of tiering: per dataset and period the last run's tiers, each customer's tier history,
 * migrations between periods, and manual overrides with reason and author. The platform provides this
 * service in the workspace database.
 */
@ProviderType
public interface TierHistory {

    /**
     * Stores a period's tiering, replacing an earlier run of the same period. Overrides recorded for the
     * period stay in force.
     *
     * @param dataset the dataset
     * @param result the run's result
     * @return the stored run
     */
    TierRun save(String dataset, TieringResult result);

    /** The stored runs of a dataset, in time order of their periods. */
    List<TierRun> runs(String dataset);

    /** Every customer's stored tier in a period, sorted by customer id; empty when the period has no run. */
    List<StoredTier> tiers(String dataset, Period period);

    /** One customer's stored tiers, in time order of the periods. */
    List<StoredTier> history(String dataset, String customerId);

    /** The migration between the tiers in force in two periods. */
    default TierMigration migration(String dataset, Period from, Period to) {
        return TierMigration.between(from, to, tiers(dataset, from), tiers(dataset, to));
    }

    /**
     * Records an override, replacing an earlier one of the same customer and period.
     *
     * @throws IllegalArgumentException when the reason or author is blank, or the dataset does not exist
     */
    TierOverride override(String dataset, Period period, String customerId, Tier tier, String reason, String author);

    /** Removes an override; {@code false} when there was none. */
    boolean removeOverride(String dataset, Period period, String customerId);

    /** A dataset's overrides, by period and customer. */
    List<TierOverride> overrides(String dataset);
}
