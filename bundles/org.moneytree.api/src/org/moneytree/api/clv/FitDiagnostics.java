package org.moneytree.api.clv;

import java.util.List;

/**
 * How a maximum-likelihood fit went. A fit is {@code converged} only when the optimiser stopped on its own
 * tolerance (not its evaluation limit), no parameter ran to the edge of the search range, and the log-likelihood
 * curves downward in every direction at the optimum (a negative definite Hessian); otherwise {@code problem} says
 * why and the numbers must not be used as estimates.
 *
 * @param converged whether the fit can be trusted, as above
 * @param problem why not, in English, or {@code null} when converged
 * @param logLikelihood the maximised log-likelihood
 * @param parameters the estimates, in the family's parameter order
 * @param standardErrors their standard errors from the inverse Hessian (delta method from the log scale the fit
 *            runs on); NaN where the Hessian gives none
 * @param iterations likelihood evaluations the best start and its final polish took
 * @param evaluations likelihood evaluations over all starts and the Hessian
 * @param starts how many starting points were tried
 * @param startsAgreeing how many of them reached the best log-likelihood (within 0.001)
 * @param customers the number of customers the fit rests on
 * @param millis the wall time of the fit
 */
public record FitDiagnostics(boolean converged, String problem, double logLikelihood, List<Double> parameters,
        List<Double> standardErrors, int iterations, int evaluations, int starts, int startsAgreeing,
        double customers, long millis) {

    public FitDiagnostics {
        parameters = List.copyOf(parameters);
        standardErrors = List.copyOf(standardErrors);
    }
}
