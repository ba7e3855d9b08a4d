/**
 * Exports of a dataset's records to files that the importer reads back unchanged: one file per kind of
 * record, with the importer's field names as the header. The platform provides
 * {@link org.moneytree.api.exports.ArchiveExporter}.
 */
@Version("1.0.0")
package org.moneytree.api.exports;

import org.osgi.annotation.versioning.Version;
