package org.moneytree.cli.internal;

import java.util.Locale;

import picocli.CommandLine.Option;

/** {@code --lang en|zh}: the language of the output; the system's language by default. */
final class LanguageOption {

    enum Language { en, zh }

    @Option(names = "--lang", paramLabel = "en|zh", description = "Output language: en or zh (default: the system's).")
    private Language language;

    Locale locale() {
        if (language != null) {
            return Locale.forLanguageTag(language.name());
        }
        return "zh".equals(Locale.getDefault().getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
