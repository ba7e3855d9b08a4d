package org.moneytree.cli.internal;

import java.util.List;

import org.moneytree.api.profit.Period;
import org.moneytree.api.tier.TierHistory;
import org.moneytree.api.tier.TierRun;

/** Finding stored runs for the commands that read the tier history. */
final class TierHistoryOptions {

    private TierHistoryOptions() {
    }

    /** The period given, or the latest period with a stored run. */
    static Period periodOrLatest(TierHistory history, String dataset, String given, Messages messages) {
        if (given != null) {
            return PeriodOptions.parse(given, "--period");
        }
        List<TierRun> runs = history.runs(dataset);
        if (runs.isEmpty()) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("noRuns", dataset));
        }
        return runs.get(runs.size() - 1).period();
    }
}
