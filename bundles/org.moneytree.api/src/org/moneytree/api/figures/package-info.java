/**
 * Per-customer figures: what the analysis knows of each customer once purchases are aggregated. Tier
 * schemes and report views read {@link org.moneytree.api.figures.CustomerFigures}; the
 * {@link org.moneytree.api.figures.FiguresService} computes them from the stored purchases.
 */
@Version("1.0.0")
package org.moneytree.api.figures;

import org.osgi.annotation.versioning.Version;
