/**
 * Reporting views: the extension point through which any bundle adds a report to the web console, the
 * exports and the desktop client. A {@link org.moneytree.api.report.ReportView} registered as an OSGi service
 * appears in the console's menu as soon as its bundle starts and vanishes when it stops. A view answers a
 * {@link org.moneytree.api.report.ViewRequest} with a UI-neutral {@link org.moneytree.api.report.ViewModel}: key
 * figures, tables and chart series with axes and units, which every front end renders in its own way and
 * {@link org.moneytree.api.report.ViewExporter} writes as CSV, HTML or PDF. Views get the analysed figures of a
 * dataset's period, computed once and shared, from {@link org.moneytree.api.report.ReportData}.
 */
@Version("1.0.0")
package org.moneytree.api.report;

import org.osgi.annotation.versioning.Version;
