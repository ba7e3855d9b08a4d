package org.moneytree.report.internal;

import java.util.List;
import java.util.Objects;

import org.moneytree.api.tier.TierOverride;
import org.moneytree.api.tier.TierRun;

/**
 * What a period's results depend on in the tier history: its run (a re-run has a new time) and the overrides in
 * force for it (an override changes a stored tier without a new run).
 *
 * @param run the period's tiering run
 * @param overrides the period's overrides, as the tier history lists them
 */
record Stamp(TierRun run, List<TierOverride> overrides) {

    Stamp {
        Objects.requireNonNull(run, "run");
        overrides = List.copyOf(overrides);
    }

    /** Whether this stamp comes from a later run than {@code other}. */
    boolean newerThan(Stamp other) {
        return run.ranAt().isAfter(other.run.ranAt());
    }
}
