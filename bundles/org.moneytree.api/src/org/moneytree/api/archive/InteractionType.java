package org.moneytree.api.archive;

import java.util.Locale;

/** The kinds of interaction with a customer. Files may give the English id or the Chinese label. */
public enum InteractionType {
    MEETING("meeting", "会议"),
    CALL("call", "电话"),
    EMAIL("email", "邮件"),
    VISIT("visit", "拜访"),
    COMPLAINT("complaint", "投诉"),
    OTHER("other", "其他");

    private final String id;
    private final String chinese;

    InteractionType(String id, String chinese) {
        this.id = id;
        this.chinese = chinese;
    }

    /** The lower-case English id, as used in files. */
    public String id() {
        return id;
    }

    /** The type in the given language: Simplified Chinese for {@code zh}, English otherwise. */
    public String label(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? chinese : id;
    }

    /** The type a file's text names (id or Chinese label, ignoring case), or {@code null}. */
    public static InteractionType parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        for (InteractionType type : values()) {
            if (type.id.equals(value) || type.chinese.equals(value)) {
                return type;
            }
        }
        return "e-mail".equals(value) || "mail".equals(value) ? EMAIL : "phone".equals(value) ? CALL : null;
    }
}
