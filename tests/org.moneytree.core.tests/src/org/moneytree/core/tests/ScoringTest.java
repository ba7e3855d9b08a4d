package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.scoring.CriterionInfo;
import org.moneytree.api.scoring.ScoreExplanation;
import org.moneytree.api.scoring.Scores;
import org.moneytree.api.scoring.ScoringModel;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceListener;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The scoring model with the six standard criteria and the test plugin's two (a vowel criterion, and a
 * broken one that answers 7): hand-computed values, weights, explanations, and criteria coming and going.
 */
class ScoringTest {

    private static final String TEST_PLUGIN = "org.moneytree.testplugin";
    // the model is re-created when its configuration changes, so every use asks for the current one
    private final ScoringModel scoring = Services.get(ScoringModel.class);

    @AfterEach
    void startTestPlugin() throws BundleException {
        Services.bundle(TEST_PLUGIN).start();
    }

    /**
     * ada: revenue 1,500 (1,000 the year before), cost of goods 900, cost to serve 53; a customer since
     * 2019-03-01 who bought in 2 months. bob: revenue 2,000, cost of goods 1,500, cost to serve 751.50.
     * cy: revenue 200, cost of goods 120, cost to serve 13, new this year.
     */
    private static ProfitReport report() {
        CustomerProfit ada = new CustomerProfit("ada", Services.YEAR_2024, new BigDecimal("1500.00"),
                new BigDecimal("900.00"), new BigDecimal("53.00"), List.of(), 2, 0, null, null,
                new BigDecimal("1000.00"), java.time.LocalDate.parse("2019-03-01"), 2, new BigDecimal("500.00"));
        CustomerProfit bob = Services.profit("bob", "2000", "1500", "751.50", 1, "2024-03-01", "2024-03-01");
        CustomerProfit cy = Services.profit("cy", "200", "120", "13", 2, "2024-04-01", "2024-04-20");
        return Services.report(List.of(ada, bob, cy));
    }

    private static int criterion(Scores scores, String id) {
        for (int index = 0; index < scores.criteria().size(); index++) {
            if (scores.criteria().get(index).id().equals(id)) {
                return index;
            }
        }
        return -1;
    }

    @Test
    void theSixStandardCriteriaGiveHandComputedValues() {
        Scores scores = scoring.score(report());
        int ada = 0;
        int bob = 1;
        int cy = 2;
        // profit share: percentiles among profitable customers (ada 547, cy 67); bob loses money
        assertEquals(1.0, scores.value(criterion(scores, "profit_share"), ada), 1e-12);
        assertEquals(0.0, scores.value(criterion(scores, "profit_share"), cy), 1e-12);
        assertEquals(0.0, scores.value(criterion(scores, "profit_share"), bob), 1e-12);
        // departure impact: percentiles of gross margin 600, 500, 80
        assertEquals(1.0, scores.value(criterion(scores, "departure_impact"), ada), 1e-12);
        assertEquals(0.5, scores.value(criterion(scores, "departure_impact"), bob), 1e-12);
        // resources: 1 - 53 / 600; bob's cost to serve exceeds its margin
        assertEquals(1 - 53.0 / 600, scores.value(criterion(scores, "resources"), ada), 1e-12);
        assertEquals(0.0, scores.value(criterion(scores, "resources"), bob), 1e-12);
        // growth: (1500 - 1000) / 1500 mapped onto 0..1; new customers get 1
        assertEquals((500.0 / 1500 + 1) / 2, scores.value(criterion(scores, "growth"), ada), 1e-12);
        assertEquals(1.0, scores.value(criterion(scores, "growth"), cy), 1e-12);
        // relationship: tenure over 5 years is full, plus 2 of 12 months
        assertEquals(0.5 + 2 / 24.0, scores.value(criterion(scores, "relationship"), ada), 1e-12);
        // company goals: 500 of 1,500 in strategic categories
        assertEquals(1 / 3.0, scores.value(criterion(scores, "company_goals"), ada), 1e-12);
    }

    @Test
    void theScoreIsTheWeightedMeanAndEachScoreExplainsItself() {
        Scores scores = scoring.score(report());
        double weights = scores.criteria().stream().mapToDouble(CriterionInfo::weight).sum();
        // default weights 30 + 20 + 15 + 15 + 10 + 10 and the vowel criterion's 10
        assertEquals(110, weights, 1e-9);
        double expected = 0;
        for (int index = 0; index < scores.criteria().size(); index++) {
            expected += scores.criteria().get(index).weight() * scores.value(index, 0);
        }
        assertEquals(expected / weights * 100, scores.score(0), 1e-9);

        ScoreExplanation explanation = scoring.explain(scores, "ada", Locale.ENGLISH);
        assertEquals(scores.score(0),
                explanation.contributions().stream().mapToDouble(ScoreExplanation.Contribution::points).sum(), 1e-9);
        ScoreExplanation.Contribution profit = explanation.contributions().stream()
                .filter(c -> c.criterion().id().equals("profit_share")).findFirst().orElseThrow();
        assertTrue(profit.detail().startsWith("net profit 547.00"), profit.detail());
        ScoreExplanation chinese = scoring.explain(scores, "ada", Locale.SIMPLIFIED_CHINESE);
        assertTrue(chinese.contributions().stream().anyMatch(c -> c.criterion().name().equals("利润贡献")));
    }

    @Test
    void aBrokenCriterionIsLeftOutAndNamed() {
        Scores scores = scoring.score(report());
        assertEquals(-1, criterion(scores, "broken"));
        assertTrue(scores.problems().stream().anyMatch(p -> p.contains("'broken'") && p.contains(TEST_PLUGIN)
                && p.contains("not from 0 to 1")), scores.problems().toString());
    }

    @Test
    void aPluginsCriterionComesAndGoesWithItsBundle() throws BundleException {
        assertTrue(ids().contains("vowel"));
        Scores with = scoring.score(report());
        assertEquals(1.0, with.value(criterion(with, "vowel"), 0), "ada starts with a vowel");

        Services.bundle(TEST_PLUGIN).stop();
        assertFalse(ids().contains("vowel"));
        Scores without = scoring.score(report());
        assertEquals(-1, criterion(without, "vowel"));
        assertEquals(100, without.criteria().stream().mapToDouble(CriterionInfo::weight).sum(), 1e-9);
        assertTrue(without.problems().isEmpty(), without.problems().toString());
        assertTrue(ids().containsAll(List.of("company_goals", "departure_impact", "growth", "profit_share",
                "relationship", "resources")));
    }

    @Test
    void weightsComeFromConfigurationAdmin() throws Exception {
        Configuration configuration = Services.get(ConfigurationAdmin.class).getConfiguration("org.moneytree.scoring", "?");
        try {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("weights", new String[] { "profit_share=100", "vowel=0, growth=0" });
            configuration.update(properties);
            await(() -> weight("profit_share") == 100);
            Scores scores = Services.get(ScoringModel.class).score(report());
            assertEquals(0, scores.criteria().get(criterion(scores, "vowel")).weight());
            // 100 + departure 20 + relationship 15 + resources 15 + goals 10
            assertEquals(160, scores.criteria().stream().mapToDouble(CriterionInfo::weight).sum(), 1e-9);
        } finally {
            configuration.delete();
            await(() -> weight("profit_share") == 30);
        }
    }

    private List<String> ids() {
        return Services.get(ScoringModel.class).criteria(Locale.ENGLISH).stream().map(CriterionInfo::id).toList();
    }

    private double weight(String id) {
        return Services.get(ScoringModel.class).criteria(Locale.ENGLISH).stream().filter(c -> c.id().equals(id))
                .mapToDouble(CriterionInfo::weight).findFirst().orElse(-1);
    }

    /** Waits, service event by service event, until the condition holds: DS applies configuration asynchronously. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        Semaphore events = new Semaphore(0);
        ServiceListener listener = event -> events.release();
        Services.context().addServiceListener(listener);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !events.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    throw new AssertionError("the condition did not come true within 30 s");
                }
            }
        } finally {
            Services.context().removeServiceListener(listener);
        }
    }
}
