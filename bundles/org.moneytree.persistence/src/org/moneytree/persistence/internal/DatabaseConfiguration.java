package org.moneytree.persistence.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Which database keeps the workspace: the embedded H2 file database (the default, nothing to install) or a
 * shared PostgreSQL server. Set in the configuration file {@code conf/org.moneytree.persistence.cfg}.
 */
@ObjectClassDefinition(pid = WorkspaceDatabase.PID, name = "Moneytree database",
        description = "The database that keeps imported data: embedded H2 (default) or a PostgreSQL server.")
@interface DatabaseConfiguration {

    @AttributeDefinition(name = "Database", options = { @Option(value = "h2", label = "Embedded H2 (file)"),
            @Option(value = "postgresql", label = "PostgreSQL server") })
    String database() default "h2";

    @AttributeDefinition(name = "Workspace folder (H2)", required = false,
            description = "Folder of the H2 database. Empty: the framework property moneytree.workspace, "
                    + "or else the folder .moneytree/workspace in the user's home.")
    String workspace() default "";

    @AttributeDefinition(name = "JDBC URL (PostgreSQL)", required = false,
            description = "For example jdbc:postgresql://localhost:5432/moneytree")
    String url() default "";

    @AttributeDefinition(name = "User (PostgreSQL)", required = false)
    String user() default "";

    @AttributeDefinition(name = "Password (PostgreSQL)", required = false, type = AttributeType.PASSWORD)
    String password() default "";
}
