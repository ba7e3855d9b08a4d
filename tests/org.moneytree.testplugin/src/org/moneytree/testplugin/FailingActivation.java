package org.moneytree.testplugin;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** A component whose activation throws, as a broken plugin's would. */
@Component(immediate = true, service = {})
public final class FailingActivation {

    @Activate
    public FailingActivation() {
        throw new IllegalStateException("this plugin fails on purpose at activation");
    }
}
