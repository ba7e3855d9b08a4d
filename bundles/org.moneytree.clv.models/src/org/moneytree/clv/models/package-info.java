/**
 * The lifetime-value models as a library: likelihoods, predictions and maximum-likelihood fitting of the
 * BG/NBD, Pareto/NBD, Gamma-Gamma and shifted beta-geometric models, checked against the estimates Fader,
 * Hardie and Lee published for the CDNOW data. The lifetime service uses it; a plugin may too, for example to
 * score its own data with a model of its choice.
 */
@Version("1.0.0")
package org.moneytree.clv.models;

import org.osgi.annotation.versioning.Version;
