package org.moneytree.api.tier;

import java.util.Locale;

/**
 * The four tiers of the customer pyramid (Zeithaml, Rust and Lemon, 2001), from the most valuable to the
 * least. Every tier scheme places each customer in exactly one of them.
 */
public enum Tier {
    /** Highest results and value; worth great effort to win and keep. */
    PLATINUM("platinum", "铂金"),
    /** High results and loyalty. */
    GOLD("gold", "黄金"),
    /** Ordinary customers. */
    IRON("iron", "铁质"),
    /** Little or no profit; often erodes the profit made elsewhere. */
    LEAD("lead", "铅质");

    private final String english;
    private final String chinese;

    Tier(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    /** The tier's name in the given language: Simplified Chinese for {@code zh}, English otherwise. */
    public String label(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? chinese : english;
    }

    /** The lower-case English name, as used in files and on the command line. */
    public String id() {
        return english;
    }

    /**
     * The tier with the given id ({@code platinum}, case-insensitively) or Chinese name ({@code 铂金}).
     *
     * @throws IllegalArgumentException naming the tiers when there is none
     */
    public static Tier forId(String id) {
        String wanted = id.strip();
        for (Tier tier : values()) {
            if (tier.english.equalsIgnoreCase(wanted) || tier.chinese.equals(wanted)) {
                return tier;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a tier; expected platinum, gold, iron or lead");
    }
}
