package org.moneytree.console.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The console's server-side texts (error messages, export titles) in English or Simplified Chinese. */
final class Messages {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final ResourceBundle bundle;
    private final Locale locale;

    Messages(Locale locale) {
        this.locale = chinese(locale) ? CHINESE : Locale.ENGLISH;
        this.bundle = ResourceBundle.getBundle("org.moneytree.console.internal.messages", this.locale,
                Messages.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    Locale locale() {
        return locale;
    }

    String get(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    static boolean chinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }

    /** The language a {@code lang} value names ({@code en} or {@code zh}), or {@code null} for anything else. */
    static Locale language(String lang) {
        if (lang == null) {
            return null;
        }
        return switch (lang.strip().toLowerCase(Locale.ROOT)) {
            case "zh", "zh-cn", "zh-hans" -> CHINESE;
            case "en" -> Locale.ENGLISH;
            default -> null;
        };
    }
}
