package org.moneytree.api.tier;

import java.time.Instant;

import org.moneytree.api.profit.Period;

/**
 * The stored tiering of one period of a dataset: the last run replaces the one before.
 *
 * @param period the period
 * @param scheme the id of the tier scheme that decided
 * @param costModel the id of the cost model that priced the activities
 * @param ranAt when it ran
 * @param customers how many customers it placed
 */
public record TierRun(Period period, String scheme, String costModel, Instant ranAt, int customers) {
}
