package org.moneytree.desktop.internal;

import java.util.List;
import java.util.Locale;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuItem;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/**
 * Opens the view a Views menu item names: the part already showing it in the current perspective, else a new
 * generic view part in the perspective's views stack (tagged {@value #VIEWS_TAG}).
 */
public class OpenViewHandler {

    /** The handler's contribution URI, for menu items. */
    public static final String URI = "bundleclass://org.moneytree.desktop/" + OpenViewHandler.class.getName();

    /** The tag of the part stacks where opened views go. */
    public static final String VIEWS_TAG = "moneytree.views";

    @Execute
    void execute(MMenuItem item, MWindow window, EModelService models, EPartService parts, ViewCatalog catalog,
            @Optional @Named(TranslationService.LOCALE) Object locale) {
        String viewId = item.getPersistedState().get(Keys.VIEW);
        open(viewId, window, models, parts, catalog, Keys.locale(locale));
    }

    /** Shows the view's part in the window's current perspective, making one if there is none. */
    static MPart open(String viewId, MWindow window, EModelService models, EPartService parts, ViewCatalog catalog,
            Locale locale) {
        MPerspective perspective = models.getActivePerspective(window);
        Object scope = perspective == null ? window : perspective;
        for (MPart part : models.findElements((org.eclipse.e4.ui.model.application.ui.MUIElement) scope, null,
                MPart.class, null)) {
            if (viewId.equals(part.getPersistedState().get(Keys.VIEW))) {
                parts.showPart(part, PartState.ACTIVATE);
                return part;
            }
        }
        MPart part = models.createModelElement(MPart.class);
        part.setElementId("org.moneytree.desktop.part.view." + viewId);
        part.setContributionURI(Keys.VIEW_PART_URI);
        part.getPersistedState().put(Keys.VIEW, viewId);
        part.setLabel(catalog.view(viewId).map(view -> view.title(locale)).orElse(viewId));
        part.setCloseable(true);
        List<MPartStack> stacks = models.findElements((org.eclipse.e4.ui.model.application.ui.MUIElement) scope, null,
                MPartStack.class, List.of(VIEWS_TAG));
        if (!stacks.isEmpty()) {
            stacks.get(0).getChildren().add(part);
        }
        parts.showPart(part, PartState.ACTIVATE);
        return part;
    }
}
