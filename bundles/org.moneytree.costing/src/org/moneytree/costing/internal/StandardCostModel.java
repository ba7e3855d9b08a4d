package org.moneytree.costing.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.moneytree.api.profit.ActivityRate;
import org.moneytree.api.profit.CostModel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The cost model a user configures: one rate per activity type, from {@code conf/org.moneytree.costing.cfg}
 * (for example {@code rates = visit=150.00, delivery=25.00}), with documented defaults. A malformed entry
 * stops the component with a message naming it, so an analysis never runs on half-read rates.
 */
@Component(service = CostModel.class, configurationPid = StandardCostModel.PID)
@Designate(ocd = StandardCostConfiguration.class)
public final class StandardCostModel implements CostModel {

    static final String PID = "org.moneytree.costing";

    /** Units of the activity types the platform knows, in English and Chinese. */
    private static final Map<String, String[]> UNITS = Map.of(
            "visit", new String[] { "visit", "次拜访" },
            "delivery", new String[] { "delivery", "次送货" },
            "support_hour", new String[] { "support hour", "小时支持" },
            "rush_order", new String[] { "rush order", "次加急订单" },
            "return_handling", new String[] { "return handled", "次退货处理" },
            "payment_delay_day", new String[] { "day of payment delay", "天付款延迟" },
            ORDER_LINE, new String[] { "order line", "条订单行" },
            RETURN_LINE, new String[] { "returned line", "条退货行" });

    private final List<ActivityRate> rates;
    private final BigDecimal costOfGoodsShare;

    @Activate
    public StandardCostModel(StandardCostConfiguration configuration) {
        this(configuration.rates(), configuration.costOfGoodsShare());
    }

    StandardCostModel(String[] entries, String costOfGoodsShare) {
        Map<String, ActivityRate> byType = new TreeMap<>();
        for (String value : entries) {
            for (String entry : value.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                ActivityRate rate = parse(entry.strip());
                if (byType.put(rate.activityType(), rate) != null) {
                    throw new IllegalArgumentException(PID + " rates: activity type '" + rate.activityType()
                            + "' has two rates");
                }
            }
        }
        this.rates = List.copyOf(new ArrayList<>(byType.values()));
        this.costOfGoodsShare = share(costOfGoodsShare);
    }

    private static ActivityRate parse(String entry) {
        int equals = entry.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException(PID + " rates: '" + entry + "' is not type=rate, like visit=150.00");
        }
        String type = entry.substring(0, equals).strip();
        String amount = entry.substring(equals + 1).strip();
        BigDecimal rate;
        try {
            rate = new BigDecimal(amount);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PID + " rates: the rate of '" + type + "' is '" + amount
                    + "'; expected a decimal number like 150.00");
        }
        String[] unit = UNITS.getOrDefault(type, new String[] { type.replace('_', ' '), type.replace('_', ' ') });
        try {
            return new ActivityRate(type, rate, unit[0], unit[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + " rates: " + e.getMessage(), e);
        }
    }

    private static BigDecimal share(String text) {
        try {
            BigDecimal share = new BigDecimal(text.strip());
            if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
                throw new NumberFormatException();
            }
            return share;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PID + " costOfGoodsShare is '" + text
                    + "'; expected a fraction from 0 to 1, like 0.7");
        }
    }

    @Override
    public String id() {
        return "standard";
    }

    @Override
    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? "标准成本模型（按配置的作业费率）"
                : "Standard cost model (configured activity rates)";
    }

    @Override
    public List<ActivityRate> rates() {
        return rates;
    }

    @Override
    public BigDecimal costOfGoodsShare() {
        return costOfGoodsShare;
    }
}
