package org.moneytree.scoring.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Numbers and languages in the criteria's explanations. */
final class Words {

    private Words() {
    }

    static boolean chinese(Locale locale) {
        return "zh".equals(locale.getLanguage());
    }

    static String money(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
