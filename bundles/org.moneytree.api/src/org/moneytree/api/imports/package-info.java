/**
 * Imports people can trust: files of purchases and archive records read with a column mapping, encoding,
 * date and number formats, every bad row reported with file, line, column and reason, and nothing stored
 * unless the whole file is good (or, when asked, only the good rows). The platform provides
 * {@link org.moneytree.api.imports.ArchiveImporter}; front ends and plugins call it.
 */
@Version("2.0.0")
package org.moneytree.api.imports;

import org.osgi.annotation.versioning.Version;
