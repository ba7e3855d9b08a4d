package org.moneytree.clv.models;

import org.moneytree.api.clv.FitDiagnostics;

/**
 * A model with the diagnostics of its fit. Use {@code model} only when {@code diagnostics().converged()}; the
 * fitting methods return unconverged fits too, so a caller can show what happened.
 *
 * @param <M> the model type
 * @param model the estimated model
 * @param diagnostics how the fit went
 */
public record Fitted<M>(M model, FitDiagnostics diagnostics) {
}
