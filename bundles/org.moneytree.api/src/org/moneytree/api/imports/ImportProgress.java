package org.moneytree.api.imports;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told how far an import has come, for a progress bar. Called from the importing thread every few
 * thousand rows; it should return quickly.
 */
@ConsumerType
@FunctionalInterface
public interface ImportProgress {

    /** No progress reports. */
    ImportProgress NONE = (bytesRead, totalBytes, rows) -> { };

    /**
     * @param bytesRead bytes of the file read so far
     * @param totalBytes the file's size in bytes
     * @param rows data rows read so far
     */
    void progress(long bytesRead, long totalBytes, long rows);
}
