package org.moneytree.cli.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The command line's texts in English or Simplified Chinese. */
final class Messages {

    private final ResourceBundle bundle;
    private final Locale locale;

    Messages(Locale locale) {
        this(locale, "messages");
    }

    /** The texts of one family of commands, in {@code <name>.properties} and {@code <name>_zh.properties}. */
    Messages(Locale locale, String name) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("org.moneytree.cli.internal." + name, locale,
                Messages.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    Locale locale() {
        return locale;
    }

    String get(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }
}
