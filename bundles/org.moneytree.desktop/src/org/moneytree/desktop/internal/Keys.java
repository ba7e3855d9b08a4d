package org.moneytree.desktop.internal;

import java.util.Locale;

import org.eclipse.e4.core.services.translation.TranslationService;

/**
 * Names shared by the parts through the workbench's contexts: the application context holds the chosen dataset
 * and the customer last opened, and every part that injects them is told when they change.
 */
public final class Keys {

    /** The application context's dataset, a {@link String}: set by the toolbar's dataset chooser. */
    public static final String DATASET = "org.moneytree.desktop.dataset";

    /** The application context's customer to show, a {@link String} id: set by the account list and tables. */
    public static final String CUSTOMER = "org.moneytree.desktop.customer";

    /**
     * The application context's refresh count, a {@link Long}: raised after an import or an analysis stored
     * something, so that the dataset chooser reads the datasets again and every view part renders again (the
     * report data follows the stored tiering runs).
     */
    public static final String REFRESH = "org.moneytree.desktop.refresh";

    /** A view part's persisted state: the id of the {@link org.moneytree.api.report.ReportView} it shows. */
    public static final String VIEW = "org.moneytree.desktop.view";

    /** The contribution URI of the generic view part. */
    public static final String VIEW_PART_URI = "bundleclass://org.moneytree.desktop/" + ReportViewPart.class.getName();

    /** The id of the part stack where views opened from the Views menu go, in each perspective. */
    public static final String VIEWS_STACK = "org.moneytree.desktop.partstack.views";

    private Keys() {
    }

    /** Raises the application context's {@link #REFRESH} count: every part that follows it reads again. */
    public static void refresh(org.eclipse.e4.core.contexts.IEclipseContext application) {
        Object count = application.get(REFRESH);
        application.set(REFRESH, count instanceof Long value ? value + 1 : 1L);
    }

    /**
     * The locale of the workbench: the e4 locale of the context ({@link TranslationService#LOCALE}, a
     * {@link Locale} or its text, from the platform's {@code -nl} or the JVM), else the JVM's default.
     */
    public static Locale locale(Object value) {
        if (value instanceof Locale locale) {
            return locale;
        }
        if (value instanceof String text && !text.isBlank()) {
            return Locale.forLanguageTag(text.replace('_', '-'));
        }
        return Locale.getDefault();
    }
}
