package org.moneytree.api.archive;

import java.util.Locale;

/** Where a relationship stands. Files may give the English id or the Chinese label. */
public enum CustomerStatus {
    /** Not yet buying; being won. */
    PROSPECT("prospect", "潜在"),
    /** Buying. */
    ACTIVE("active", "活跃"),
    /** Still a customer, but not buying lately. */
    DORMANT("dormant", "休眠"),
    /** Gone: the relationship ended. */
    LOST("lost", "流失");

    private final String id;
    private final String chinese;

    CustomerStatus(String id, String chinese) {
        this.id = id;
        this.chinese = chinese;
    }

    /** The lower-case English id, as used in files. */
    public String id() {
        return id;
    }

    /** The status in the given language: Simplified Chinese for {@code zh}, English otherwise. */
    public String label(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? chinese : id;
    }

    /**
     * The status a file's text names: the id or Chinese label, ignoring case and surrounding blanks;
     * {@code inactive} means dormant and {@code former} lost.
     *
     * @return the status, or {@code null} when the text names none
     */
    public static CustomerStatus parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        for (CustomerStatus status : values()) {
            if (status.id.equals(value) || status.chinese.equals(value)) {
                return status;
            }
        }
        return switch (value) {
            case "inactive" -> DORMANT;
            case "former", "churned" -> LOST;
            default -> null;
        };
    }
}
