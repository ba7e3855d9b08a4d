package org.moneytree.api.profit;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one unit of a service activity costs the company: a visit, a delivery, an hour of support. The
 * activity type is the id recorded with each {@link org.moneytree.api.archive.ServiceActivity}, or one of
 * the activities the platform derives from purchases ({@link CostModel#ORDER_LINE}, {@link CostModel#RETURN_LINE}).
 *
 * @param activityType the activity type's id: lower case letters, digits and '_'
 * @param rate the cost of one unit, in the dataset's currency; zero or more
 * @param unit what one unit is, in English ("visit", "support hour")
 * @param unitChinese what one unit is, in Simplified Chinese ("次拜访", "小时支持")
 */
public record ActivityRate(String activityType, BigDecimal rate, String unit, String unitChinese) {

    private static final Pattern TYPE = Pattern.compile("[a-z0-9_]{1,50}");

    public ActivityRate {
        Objects.requireNonNull(activityType, "activityType");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(unitChinese, "unitChinese");
        if (!TYPE.matcher(activityType).matches()) {
            throw new IllegalArgumentException("activity type '" + activityType
                    + "' must be 1 to 50 lower case letters, digits or '_'");
        }
        if (rate.signum() < 0) {
            throw new IllegalArgumentException("the rate of " + activityType + " is negative: " + rate);
        }
    }

    /** The unit in the given language: Simplified Chinese for {@code zh}, English otherwise. */
    public String unit(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? unitChinese : unit;
    }
}
