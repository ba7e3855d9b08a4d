package org.moneytree.desktop.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.menu.MDirectMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenu;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuFactory;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

/**
 * Keeps the main menu's Views menu ({@value #MENU}) equal to the registered reporting views: one submenu per
 * group ({@link org.moneytree.api.report.ReportView#group}), one item per view, rebuilt whenever a view's service
 * comes or goes (a plugin installed or removed while the workbench runs). Choosing an item opens the view
 * ({@link OpenViewHandler}).
 */
public class ViewsMenuAddon {

    /** The element id of the Views menu in the application model. */
    public static final String MENU = "org.moneytree.desktop.menu.views";

    @Inject
    ViewCatalog catalog;

    @Inject
    UISynchronize sync;

    private AutoCloseable listener;

    @PostConstruct
    void start(MApplication application, EModelService models,
            @Optional @Named(TranslationService.LOCALE) Object localeValue) {
        Locale locale = Keys.locale(localeValue);
        Runnable rebuild = () -> {
            for (MMenu menu : models.findElements(application, MENU, MMenu.class, null,
                    EModelService.ANYWHERE | EModelService.IN_MAIN_MENU)) {
                fill(menu, catalog.grouped(locale));
            }
        };
        listener = catalog.addListener(() -> sync.asyncExec(rebuild));
        rebuild.run();
    }

    @PreDestroy
    void stop() throws Exception {
        if (listener != null) {
            listener.close();
        }
    }

    /** Replaces the menu's items by one submenu per group with an item per view. */
    static void fill(MMenu menu, Map<String, List<ViewCatalog.Entry>> groups) {
        List<MMenuElement> children = new java.util.ArrayList<>();
        for (Map.Entry<String, List<ViewCatalog.Entry>> group : groups.entrySet()) {
            MMenu submenu = MMenuFactory.INSTANCE.createMenu();
            submenu.setElementId(MENU + ".group." + group.getKey());
            submenu.setLabel(group.getKey());
            for (ViewCatalog.Entry entry : group.getValue()) {
                MDirectMenuItem item = MMenuFactory.INSTANCE.createDirectMenuItem();
                item.setElementId(MENU + ".view." + entry.id());
                item.setLabel(entry.title());
                item.setContributionURI(OpenViewHandler.URI);
                item.getPersistedState().put(Keys.VIEW, entry.id());
                submenu.getChildren().add(item);
            }
            children.add(submenu);
        }
        menu.getChildren().clear();
        menu.getChildren().addAll(children);
    }
}
