package org.moneytree.scoring.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.scoring.Criterion;
import org.moneytree.api.scoring.CriterionInfo;
import org.moneytree.api.scoring.ScoreExplanation;
import org.moneytree.api.scoring.Scores;
import org.moneytree.api.scoring.ScoringModel;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Weights the values of every {@link Criterion} on the whiteboard into a score from 0 to 100. A criterion
 * that throws, answers for the wrong number of customers or gives values outside 0 to 1 is left out of that
 * scoring, and the problem is reported with the plugin's name.
 */
@Component(service = ScoringModel.class, configurationPid = WeightedScoringModel.PID)
@Designate(ocd = ScoringConfiguration.class)
public final class WeightedScoringModel implements ScoringModel {

    static final String PID = "org.moneytree.scoring";

    private record Registered(Criterion criterion, String bundle) {
    }

    /** By service id, so that of two criteria with one id the earlier registered is used. */
    private final Map<Long, Registered> registrations = new ConcurrentSkipListMap<>();
    private final Map<String, Double> weights;

    @Activate
    public WeightedScoringModel(ScoringConfiguration configuration) {
        this.weights = weights(configuration.weights());
    }

    static Map<String, Double> weights(String[] entries) {
        Map<String, Double> weights = new HashMap<>();
        for (String value : entries) {
            for (String entry : value.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                int equals = entry.indexOf('=');
                String id = equals < 0 ? entry.strip() : entry.substring(0, equals).strip();
                String weight = equals < 0 ? "" : entry.substring(equals + 1).strip();
                try {
                    double parsed = Double.parseDouble(weight);
                    if (!(parsed >= 0) || Double.isInfinite(parsed)) {
                        throw new NumberFormatException();
                    }
                    weights.put(id, parsed);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(PID + " weights: '" + entry.strip()
                            + "' is not id=weight with a weight of 0 or more, like profit_share=30");
                }
            }
        }
        return Map.copyOf(weights);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCriterion(Criterion criterion, ServiceReference<Criterion> reference) {
        registrations.put((Long) reference.getProperty(Constants.SERVICE_ID),
                new Registered(criterion, reference.getBundle().getSymbolicName()));
    }

    void removeCriterion(ServiceReference<Criterion> reference) {
        registrations.remove((Long) reference.getProperty(Constants.SERVICE_ID));
    }

    /** The criteria in use, by id. */
    private Map<String, Registered> criteriaById(List<String> problems) {
        Map<String, Registered> byId = new TreeMap<>();
        for (Registered registered : registrations.values()) {
            try {
                byId.putIfAbsent(registered.criterion().id(), registered);
            } catch (RuntimeException e) {
                problems.add("a criterion from plugin " + registered.bundle() + " has no id: " + e);
            }
        }
        return byId;
    }

    private CriterionInfo info(String id, Registered registered, Locale locale) {
        Criterion criterion = registered.criterion();
        double weight = weights.containsKey(id) ? weights.get(id) : criterion.defaultWeight();
        return new CriterionInfo(id, criterion.name(locale), criterion.description(locale), weight,
                registered.bundle());
    }

    @Override
    public List<CriterionInfo> criteria(Locale locale) {
        List<CriterionInfo> infos = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        criteriaById(problems).forEach((id, registered) -> {
            try {
                infos.add(info(id, registered, locale));
            } catch (RuntimeException e) {
                infos.add(new CriterionInfo(id, id, "(this criterion failed to describe itself: " + e + ")", 0,
                        registered.bundle()));
            }
        });
        infos.sort(Comparator.comparing(CriterionInfo::id));
        return infos;
    }

    @Override
    public Scores score(ProfitReport report) {
        List<String> problems = new ArrayList<>();
        List<CriterionInfo> used = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        int customers = report.customers().size();
        for (Map.Entry<String, Registered> entry : criteriaById(problems).entrySet()) {
            String source = "criterion '" + entry.getKey() + "' from plugin " + entry.getValue().bundle();
            try {
                CriterionInfo info = info(entry.getKey(), entry.getValue(), Locale.ENGLISH);
                double[] given = entry.getValue().criterion().evaluate(report);
                String wrong = check(given, customers);
                if (wrong != null) {
                    problems.add(source + " was left out: " + wrong);
                    continue;
                }
                used.add(info);
                values.add(given);
            } catch (RuntimeException | LinkageError e) {
                problems.add(source + " was left out: it failed: " + e);
            }
        }
        double totalWeight = used.stream().mapToDouble(CriterionInfo::weight).sum();
        double[] scores = new double[customers];
        if (totalWeight > 0) {
            for (int criterion = 0; criterion < used.size(); criterion++) {
                double share = used.get(criterion).weight() / totalWeight * 100;
                double[] given = values.get(criterion);
                for (int customer = 0; customer < customers; customer++) {
                    scores[customer] += share * given[customer];
                }
            }
        }
        return new Scores(report, used, values.toArray(double[][]::new), scores, problems);
    }

    private static String check(double[] values, int customers) {
        if (values == null || values.length != customers) {
            return "it gave " + (values == null ? "no" : values.length) + " values for " + customers + " customers";
        }
        for (int index = 0; index < values.length; index++) {
            if (!(values[index] >= 0 && values[index] <= 1)) {
                return "it gave " + values[index] + " (not from 0 to 1) for customer #" + index;
            }
        }
        return null;
    }

    @Override
    public ScoreExplanation explain(Scores scores, String customerId, Locale locale) {
        int index = scores.report().indexOf(customerId);
        if (index < 0) {
            throw new IllegalArgumentException("customer " + customerId + " has no figures in "
                    + scores.report().period());
        }
        Map<String, Registered> criteria = criteriaById(new ArrayList<>());
        double totalWeight = scores.criteria().stream().mapToDouble(CriterionInfo::weight).sum();
        List<ScoreExplanation.Contribution> contributions = new ArrayList<>();
        for (int criterion = 0; criterion < scores.criteria().size(); criterion++) {
            CriterionInfo info = scores.criteria().get(criterion);
            double value = scores.value(criterion, index);
            Registered registered = criteria.get(info.id());
            CriterionInfo localized = info;
            String detail;
            try {
                if (registered == null) {
                    detail = "(criterion no longer installed)";
                } else {
                    localized = new CriterionInfo(info.id(), registered.criterion().name(locale),
                            registered.criterion().description(locale), info.weight(), info.bundle());
                    detail = registered.criterion().explain(scores.report(), index, value, locale);
                }
            } catch (RuntimeException e) {
                detail = "(the criterion failed to explain: " + e + ")";
            }
            double points = totalWeight > 0 ? value * info.weight() / totalWeight * 100 : 0;
            contributions.add(new ScoreExplanation.Contribution(localized, value, points, detail));
        }
        return new ScoreExplanation(customerId, scores.score(index), contributions);
    }
}
