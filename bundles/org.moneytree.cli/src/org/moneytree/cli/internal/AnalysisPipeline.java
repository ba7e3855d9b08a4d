package org.moneytree.cli.internal;

import java.util.List;
import java.util.Locale;

import org.moneytree.api.profit.AnalysisException;
import org.moneytree.api.profit.AnalysisRequest;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.scoring.Scores;
import org.moneytree.api.tier.TierSchemeException;
import org.moneytree.api.tier.TieringResult;

/** Profitability, scores and tiers of the periods asked for: the steps every analysing command shares. */
final class AnalysisPipeline {

    private final CommandLineRunner.Platform platform;
    private final Locale locale;

    AnalysisPipeline(CommandLineRunner.Platform platform, Locale locale) {
        this.platform = platform;
        this.locale = locale;
    }

    List<ProfitReport> profit(AnalysisRequest request) {
        try {
            return platform.profitability().analyze(request);
        } catch (AnalysisException e) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, e.getMessage());
        }
    }

    Scores score(ProfitReport report) {
        return platform.scoring().score(report);
    }

    TieringResult tier(String scheme, Scores scores) {
        try {
            return platform.tiering().assign(scheme, scores, locale);
        } catch (TierSchemeException e) {
            throw new CommandFailure(CommandFailure.FAILED, e.getMessage());
        }
    }
}
