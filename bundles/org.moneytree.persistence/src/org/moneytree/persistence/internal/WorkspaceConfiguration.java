package org.moneytree.persistence.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the workspace database lives. */
@ObjectClassDefinition(pid = JpaPurchaseStore.PID, name = "Moneytree workspace",
        description = "The folder of the embedded H2 database that keeps imported purchases.")
@interface WorkspaceConfiguration {

    @AttributeDefinition(name = "Workspace folder", required = false,
            description = "Folder of the workspace database. Empty: the framework property moneytree.workspace, "
                    + "or else the folder .moneytree/workspace in the user's home.")
    String workspace() default "";
}
