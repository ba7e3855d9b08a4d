package org.moneytree.api.clv;

import java.util.Locale;
import java.util.Objects;

/**
 * One model of a {@link LifetimeFit} and how its fit went.
 *
 * @param family the model family
 * @param diagnostics the estimates and diagnostics; use the estimates only when {@code diagnostics().converged()}
 */
public record ModelFit(ModelFamily family, FitDiagnostics diagnostics) {

    public ModelFit {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /** The estimate of the named parameter. */
    public double parameter(String name) {
        int index = family.parameters().indexOf(name);
        if (index < 0 || index >= diagnostics.parameters().size()) {
            throw new IllegalArgumentException(family.label(Locale.ENGLISH) + " has no estimate of '" + name + "'");
        }
        return diagnostics.parameters().get(index);
    }
}
