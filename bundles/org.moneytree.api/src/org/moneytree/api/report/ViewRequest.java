package org.moneytree.api.report;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.moneytree.api.profit.Period;
import org.moneytree.api.tier.Tier;

/**
 * What a {@link ReportView} is asked to show.
 *
 * @param dataset the dataset
 * @param parameters the values of the view's parameters by id; optional ones not given are absent
 * @param locale the language of the texts in the answer
 */
public record ViewRequest(String dataset, Map<String, String> parameters, Locale locale) {

    public ViewRequest {
        Objects.requireNonNull(dataset, "dataset");
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(locale, "locale");
    }

    /** A parameter's value, if given. */
    public Optional<String> parameter(String id) {
        return Optional.ofNullable(parameters.get(id));
    }

    /** A {@link ViewParameter.Kind#PERIOD} parameter's value, if given. */
    public Optional<Period> period(String id) {
        return parameter(id).map(Period::parse);
    }

    /** A {@link ViewParameter.Kind#TIER} parameter's value, if given. */
    public Optional<Tier> tier(String id) {
        return parameter(id).map(Tier::forId);
    }

    /** Whether the texts are to be in Chinese. */
    public boolean chinese() {
        return "zh".equals(locale.getLanguage());
    }
}
