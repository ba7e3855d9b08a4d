package org.moneytree.desktop.internal;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

/** File › Preferences…: the {@link LanguageDialog}. */
public class PreferencesHandler {

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, DesktopSettings settings,
            @Optional @Named(TranslationService.LOCALE) Object localeValue) {
        new LanguageDialog(shell, settings, Keys.locale(localeValue)).open();
    }
}
