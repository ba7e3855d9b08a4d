package org.moneytree.api.tier;

/**
 * A registered tier scheme as the platform lists it.
 *
 * @param id the scheme's id, as given with {@link TierSchemeId}
 * @param name the scheme's name in the requested language
 * @param description the scheme's rule in the requested language
 * @param bundle the symbolic name of the bundle that registered it
 */
public record TierSchemeInfo(String id, String name, String description, String bundle) {
}
