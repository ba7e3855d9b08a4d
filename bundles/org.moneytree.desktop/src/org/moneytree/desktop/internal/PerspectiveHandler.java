package org.moneytree.desktop.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuItem;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Perspectives › Analysis or Accounts: switches to the perspective the item names (persisted state "perspective"). */
public class PerspectiveHandler {

    /** The menu item's persisted state key naming the perspective's element id. */
    public static final String PERSPECTIVE = "perspective";

    @Execute
    void execute(MMenuItem item, EPartService parts) {
        parts.switchPerspective(item.getPersistedState().get(PERSPECTIVE));
    }
}
