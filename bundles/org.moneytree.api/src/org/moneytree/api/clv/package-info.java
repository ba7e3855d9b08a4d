/**
 * Customer lifetime value and departure risk: probabilistic models fitted to a dataset's purchases (BG/NBD or
 * Pareto/NBD for repeat purchasing, Gamma-Gamma for the value per purchase) or contracts (shifted
 * beta-geometric), and what they predict per customer: the probability of being still active, expected
 * purchases, expected value and discounted lifetime value after cost to serve. The
 * {@link org.moneytree.api.clv.LifetimeService} fits and forecasts; a sector plugin chooses the model family
 * for its industry by registering a {@link org.moneytree.api.clv.SectorLifetimeModel}.
 */
@Version("1.0.0")
package org.moneytree.api.clv;

import org.osgi.annotation.versioning.Version;
