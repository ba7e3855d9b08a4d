package org.moneytree.api.scoring;

/**
 * A criterion as the scoring model uses it.
 *
 * @param id the criterion's id
 * @param name its name in the requested language
 * @param description what it measures, in the requested language
 * @param weight its weight in the score (configured, or the criterion's default)
 * @param bundle the symbolic name of the bundle that registered it
 */
public record CriterionInfo(String id, String name, String description, double weight, String bundle) {
}
