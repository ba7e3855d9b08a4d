/**
 * Key-account scoring: criteria judge each customer from 0 to 1, and the scoring model weights them into a
 * score from 0 to 100 that tier schemes read. A plugin adds a criterion by registering a
 * {@link org.moneytree.api.scoring.Criterion} service.
 */
@Version("1.0.0")
package org.moneytree.api.scoring;

import org.osgi.annotation.versioning.Version;
