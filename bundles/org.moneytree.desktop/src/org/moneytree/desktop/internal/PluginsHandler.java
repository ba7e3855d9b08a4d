package org.moneytree.desktop.internal;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.moneytree.api.plugin.PluginManager;

/** Help › Plugins…: the {@link PluginsDialog} on the platform's {@link PluginManager}. */
public class PluginsHandler {

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Optional PluginManager plugins,
            UISynchronize sync, @Optional @Named(TranslationService.LOCALE) Object localeValue) {
        java.util.Locale locale = Keys.locale(localeValue);
        if (plugins == null) {
            MessageDialog.openError(shell, Texts.get(locale, "plugins.title"),
                    Texts.get(locale, "service.missing", "PluginManager"));
            return;
        }
        new PluginsDialog(shell, plugins, locale, sync).open();
    }
}
