/**
 * Tiers: the customer pyramid (platinum, gold, iron, lead) and the rules that place customers in it. A
 * plugin adds its own rule by registering a {@link org.moneytree.api.tier.TierScheme} service (the
 * whiteboard pattern); the {@link org.moneytree.api.tier.TieringService} finds every registered scheme
 * and runs the one a user picks. The {@link org.moneytree.api.tier.TierHistory} keeps every period's
 * tiers, the migrations between periods and manual overrides.
 */
@Version("2.3.0")
package org.moneytree.api.tier;

import org.osgi.annotation.versioning.Version;
