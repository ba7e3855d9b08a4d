package org.moneytree.report.views.internal;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.moneytree.api.profit.ActivityRate;
import org.moneytree.api.profit.CostModel;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Activity types named for people in the request's language: the cost model that priced a period names the units
 * of its activities in English and Chinese ("support hour", "小时支持"), and the views show that name instead of the
 * id ({@code support_hour}). The Chinese unit starts with its measure word ("次拜访", "条订单行"), which a column
 * heading leaves out ("拜访", "订单行"). An activity no installed model names keeps its id. An internal service.
 */
@Component(service = ActivityNames.class)
public final class ActivityNames {

    /** The measure words that begin the Chinese units of the shipped and example models, longest first. */
    private static final List<String> MEASURE_WORDS = List.of("小时", "次", "条", "天", "个", "件", "笔", "份", "趟", "张");

    private final List<CostModel> models = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addModel(CostModel model) {
        models.add(model);
    }

    void removeModel(CostModel model) {
        models.remove(model);
    }

    /** The name of an activity type as the cost model {@code costModel} (or, failing that, any model) calls it. */
    String name(String costModel, String activityType, Locale locale) {
        ActivityRate found = null;
        for (CostModel model : models) {
            for (ActivityRate rate : safeRates(model)) {
                if (rate.activityType().equals(activityType) && (found == null || model.id().equals(costModel))) {
                    found = rate;
                }
            }
        }
        if (found == null) {
            return fallback(activityType, locale);
        }
        String unit = found.unit(locale).strip();
        if ("zh".equals(locale.getLanguage())) {
            for (String word : MEASURE_WORDS) {
                if (unit.startsWith(word) && unit.length() > word.length()) {
                    return unit.substring(word.length());
                }
            }
        }
        return unit.isEmpty() ? activityType : unit;
    }

    /** The two activities every analysis derives from purchases are named even without a model that prices them. */
    private static String fallback(String activityType, Locale locale) {
        boolean chinese = "zh".equals(locale.getLanguage());
        return switch (activityType) {
            case CostModel.ORDER_LINE -> chinese ? "订单行" : "order line";
            case CostModel.RETURN_LINE -> chinese ? "退货行" : "return line";
            default -> activityType;
        };
    }

    /** A plugin's model that fails to list its rates names nothing, rather than failing the view. */
    private static List<ActivityRate> safeRates(CostModel model) {
        try {
            return model.rates();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
