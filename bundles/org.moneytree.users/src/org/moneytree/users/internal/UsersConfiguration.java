package org.moneytree.users.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * How passwords are hashed and who the first admin is. The hash parameters apply to passwords set from then
 * on; hashes kept with other parameters still verify, and are hashed again with the new ones at the user's
 * next login.
 */
@ObjectClassDefinition(pid = ArgonUserDirectory.PID, name = "Users of the console",
        description = "Argon2id parameters for the passwords, and the first admin.")
@interface UsersConfiguration {

    @AttributeDefinition(name = "Memory (KiB)",
            description = "Memory one hash takes, in KiB: 19456 (19 MiB) is OWASP's minimum with 2 iterations.",
            min = "8")
    int memoryKiB() default 19456;

    @AttributeDefinition(name = "Iterations", description = "Passes over the memory.", min = "1")
    int iterations() default 2;

    @AttributeDefinition(name = "Parallelism", description = "Lanes computed side by side.", min = "1", max = "64")
    int parallelism() default 1;

    @AttributeDefinition(name = "First admin's name",
            description = "Name of the admin created when there are no users yet.")
    String adminName() default "admin";

    @AttributeDefinition(name = "First admin's password", type = AttributeType.PASSWORD,
            description = "Password of that admin; empty to have one generated and shown once. Remove it from the"
                    + " configuration once the admin exists.")
    String adminPassword() default "";
}
