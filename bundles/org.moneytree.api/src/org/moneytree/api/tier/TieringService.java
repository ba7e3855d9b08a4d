package org.moneytree.api.tier;

import java.util.List;
import java.util.Locale;

import org.moneytree.api.scoring.Scores;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs tier schemes. It tracks every {@link TierScheme} service as it comes and goes, runs the one asked
 * for, checks its answer (one tier for every customer) and summarises it. The platform provides this
 * service; front ends and report views call it.
 */
@ProviderType
public interface TieringService {

    /** The schemes registered now, sorted by id, described in the given language. */
    List<TierSchemeInfo> schemes(Locale locale);

    /**
     * Places a period's customers in tiers with one scheme.
     *
     * @param schemeId the scheme's id
     * @param scores the period's scores, with its profitability
     * @param locale the language for the scheme's name and description
     * @return every customer's tier, with the summary
     * @throws TierSchemeException when no scheme has that id, or the scheme failed or answered incompletely
     */
    TieringResult assign(String schemeId, Scores scores, Locale locale) throws TierSchemeException;
}
