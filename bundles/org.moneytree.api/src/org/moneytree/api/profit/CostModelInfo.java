package org.moneytree.api.profit;

import java.util.List;

/**
 * An installed cost model as the platform lists it.
 *
 * @param id the model's id
 * @param name its name in the requested language
 * @param rates its rates
 * @param bundle the symbolic name of the bundle that registered it
 */
public record CostModelInfo(String id, String name, List<ActivityRate> rates, String bundle) {
}
