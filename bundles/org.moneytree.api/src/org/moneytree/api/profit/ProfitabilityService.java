package org.moneytree.api.profit;

import java.util.List;
import java.util.Locale;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Computes per-customer profitability, cost to serve included, per period. It reads purchases in one pass
 * (from the store or straight from a CSV file), prices each customer's service activities with a
 * {@link CostModel} from the whiteboard, and measures concentration. The platform provides this service;
 * front ends, report views and plugins call it.
 */
@ProviderType
public interface ProfitabilityService {

    /** Name of the cost model used when none is asked for. */
    String DEFAULT_COST_MODEL = "standard";

    /**
     * Analyses the periods asked for.
     *
     * @return one report per period, in time order; an empty list when there are no purchases at all
     * @throws AnalysisException when the cost model is unknown or fails, an activity type has no rate, or
     *         the purchase file cannot be read or has errors
     */
    List<ProfitReport> analyze(AnalysisRequest request) throws AnalysisException;

    /** The periods of the given length in which the dataset has stored purchases, in time order. */
    List<Period> periods(String dataset, PeriodLength length);

    /** The cost models installed now, sorted by id. */
    List<CostModelInfo> costModels(Locale locale);
}
