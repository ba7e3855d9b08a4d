/**
 * The users of the web console: who may log in, with which role, and their passwords, kept as salted
 * Argon2id hashes in the workspace's database. {@link org.moneytree.api.user.UserDirectory} checks logins and
 * manages users; an {@link org.moneytree.api.user.Role#ADMIN} installs plugins and manages users, an
 * {@link org.moneytree.api.user.Role#ANALYST} reads and exports the reports. {@link org.moneytree.api.user.UserStore}
 * (since 1.1) is where the directory keeps them.
 */
@Version("1.1.0")
package org.moneytree.api.user;

import org.osgi.annotation.versioning.Version;
