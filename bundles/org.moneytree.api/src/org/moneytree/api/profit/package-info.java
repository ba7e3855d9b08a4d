/**
 * Profitability per customer and period: revenue, cost of goods, activity-based cost to serve and net
 * profit, with the Pareto and whale curves. Sector plugins and users price service activities by
 * registering a {@link org.moneytree.api.profit.CostModel}; the
 * {@link org.moneytree.api.profit.ProfitabilityService} does the analysis.
 */
@Version("1.1.0")
package org.moneytree.api.profit;

import org.osgi.annotation.versioning.Version;
